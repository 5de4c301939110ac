package cn.jiandu.training.web;

import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.web.NavAttention;
import cn.jiandu.shared.web.NavEntry;
import cn.jiandu.training.TrainingPermissions;
import cn.jiandu.training.domain.OnboardingService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrainingNavigation {

    @Bean
    NavEntry trainingSessionsNav() {
        return new NavEntry(300, "nav.training.sessions", "/training", "🎓", me -> true);
    }

    @Bean
    NavEntry trainingOnboardingNav() {
        return new NavEntry(310, "nav.training.onboarding", "/training/onboarding", "✅",
                me -> me.isSupervisor() || me.can(TrainingPermissions.ONBOARDING_READ));
    }

    @Bean
    NavEntry talksNav() {
        return new NavEntry(315, "nav.training.talks", "/training/talks", "💬",
                me -> me.isSupervisor() || me.can(TrainingPermissions.TALKS_READ_ALL));
    }

    @Bean
    NavEntry handbookNav() {
        return new NavEntry(320, "nav.handbook", "/handbook", "📘", me -> true);
    }

    @Bean
    NavEntry casesNav() {
        return new NavEntry(325, "nav.cases", "/cases", "🏅", me -> me.isSupervisor() || me.seesEverything());
    }

    @Bean
    NavEntry caseReviewNav() {
        return new NavEntry(326, "nav.cases.review", "/cases/review", "📝",
                me -> me.can(TrainingPermissions.CASES_REVIEW));
    }

    /** On a supervisor's home tile: the 五个一 items he has still to do; for the office, overdue checklists. */
    @Bean
    NavAttention onboardingWaiting(OnboardingService onboarding) {
        return new NavAttention() {
            @Override
            public String href() {
                return "/training/onboarding";
            }

            @Override
            public long waitingFor(JianduPrincipal me) {
                if (me.can(TrainingPermissions.ONBOARDING_CONFIRM)) {
                    return onboarding.list(me, null, "OVERDUE").size();
                }
                return onboarding.ofUser(me.id()).stream().filter(c -> c.completedAt() == null)
                        .mapToLong(c -> 5 - c.doneCount()).sum();
            }
        };
    }
}
