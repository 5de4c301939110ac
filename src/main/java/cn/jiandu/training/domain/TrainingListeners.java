package cn.jiandu.training.domain;

import cn.jiandu.exam.ExamGraded;
import cn.jiandu.selection.AppointmentStarted;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** What training hears from other modules, and its daily job. */
@Component
class TrainingListeners {

    private final OnboardingService onboarding;

    TrainingListeners(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @ApplicationModuleListener
    void on(AppointmentStarted e) {
        onboarding.open(e);
    }

    @ApplicationModuleListener
    void on(ExamGraded e) {
        onboarding.examGraded(e);
    }

    @Scheduled(cron = "${jiandu.training.reminder-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "training.onboarding-reminder")
    void daily() {
        onboarding.remindOverdue();
    }
}
