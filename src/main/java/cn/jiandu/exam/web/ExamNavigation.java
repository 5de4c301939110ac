package cn.jiandu.exam.web;

import cn.jiandu.exam.ExamPermissions;
import cn.jiandu.exam.domain.Exams;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.NavAttention;
import cn.jiandu.shared.web.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExamNavigation {

    static final String MINE = "/exams/mine";

    @Bean
    NavEntry examMineNav() {
        return new NavEntry(300, "nav.exam.mine", MINE, "📝", me -> me.can(ExamPermissions.TAKE));
    }

    /** 练习 / 错题本: on every home page of someone who may take exams. */
    @Bean
    NavEntry examPracticeNav() {
        return new NavEntry(305, "nav.exam.practice", "/exams/practice", "✏️", me -> me.can(ExamPermissions.TAKE));
    }

    @Bean
    NavEntry examOfficeNav() {
        return new NavEntry(310, "nav.exam.office", "/exams/office", "🎓",
                me -> me.can(ExamPermissions.MANAGE) || me.can(ExamPermissions.RESULTS_READ));
    }

    /** The badge on 我的考试: open exams he may still start or finish. */
    @Bean
    NavAttention examMineAttention(Exams exams) {
        return new NavAttention() {
            @Override
            public String href() {
                return MINE;
            }

            @Override
            public long waitingFor(JianduPrincipal me) {
                return exams.mine(me).stream().filter(m -> m.state().equals("OPEN")
                        && (m.attemptInProgress() != null || m.attemptsUsed() < m.attemptsAllowed())
                        && !Boolean.TRUE.equals(m.passed())).count();
            }
        };
    }
}
