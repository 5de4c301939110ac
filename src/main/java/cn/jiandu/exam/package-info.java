/**
 * Exams (学中考、考中学): question banks, papers, attempts, grading and results. Publishes
 * {@link cn.jiandu.exam.ExamGraded}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "files", "notification", "calendar",
                "selection"})
package cn.jiandu.exam;
