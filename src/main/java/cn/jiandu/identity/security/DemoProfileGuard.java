package cn.jiandu.identity.security;

import java.util.Arrays;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo accounts share one published password. Jiandu refuses to start with them on PostgreSQL, the production
 * database, unless {@code jiandu.security.allow-demo-on-postgres=true} says so explicitly.
 */
@Component
class DemoProfileGuard implements InitializingBean {

    private final Environment env;
    private final SecurityProperties props;

    DemoProfileGuard(Environment env, SecurityProperties props) {
        this.env = env;
        this.props = props;
    }

    @Override
    public void afterPropertiesSet() {
        var active = Arrays.asList(env.getActiveProfiles());
        if (active.contains("demo") && active.contains("postgres") && !props.allowDemoOnPostgres()) {
            throw new IllegalStateException("Refusing to start: profile 'demo' (published demo passwords) is active "
                    + "on profile 'postgres'. Set jiandu.security.allow-demo-on-postgres=true to allow it.");
        }
    }
}
