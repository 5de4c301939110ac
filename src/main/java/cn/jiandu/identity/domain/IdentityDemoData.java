package cn.jiandu.identity.domain;

import cn.jiandu.identity.DemoPeople;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.org.OrgUnitView;
import cn.jiandu.shared.security.Role;
import cn.jiandu.shared.seed.SeedStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo people every module contributes ({@link DemoPeople} beans) with the password {@value #PASSWORD}.
 * Profile {@code demo} only; outside it there are no demo accounts at all. The contributions are checked when the
 * context is built: a username given twice or an unknown role stops the start; a unit missing from the demo
 * organisation stops it when the step runs.
 */
@Component
@Profile("demo")
class IdentityDemoData implements SeedStep {

    static final String PASSWORD = "Jiandu@2026";

    private final UserRepository users;
    private final OrgDirectory org;
    private final PasswordEncoder encoder;
    private final List<DemoPeople.Person> people;

    IdentityDemoData(UserRepository users, OrgDirectory org, PasswordEncoder encoder, List<DemoPeople> contributions) {
        this.users = users;
        this.org = org;
        this.encoder = encoder;
        this.people = checked(contributions);
    }

    static List<DemoPeople.Person> checked(List<DemoPeople> contributions) {
        Map<String, String> byUsername = new HashMap<>();
        List<DemoPeople.Person> out = new ArrayList<>();
        for (DemoPeople c : contributions) {
            for (DemoPeople.Person p : c.people()) {
                p.roleSet();
                String earlier = byUsername.putIfAbsent(p.username(), c.module());
                if (earlier != null) {
                    throw new IllegalStateException("demo person " + p.username() + " contributed by " + earlier
                            + " and " + c.module());
                }
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String name() {
        return "identity.demo-people";
    }

    @Override
    public Set<String> after() {
        return Set.of("org.demo");
    }

    @Override
    public Set<String> before() {
        // with demo people present the bootstrap admin has nothing to do
        return Set.of("identity.bootstrap-admin");
    }

    @Override
    @Transactional
    public void run() {
        // people a module contributed after the demo database was made are added at the next start
        List<DemoPeople.Person> missing = people.stream()
                .filter(p -> users.findByUsername(p.username()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        int n = (int) users.count();
        for (DemoPeople.Person p : missing) {
            long unit = org.findByName(p.unitName()).map(OrgUnitView::id)
                    .orElseThrow(() -> new IllegalStateException("demo unit missing: " + p.unitName()));
            Set<Role> roles = p.roleSet();
            String mobile = String.format("139%08d", 7790000 + n++);
            users.insert(new User(null, p.username(), p.displayName(), unit, mobile, hash, roles, true, false));
        }
    }
}
