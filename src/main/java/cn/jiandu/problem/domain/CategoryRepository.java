package cn.jiandu.problem.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        return jdbc.sql("SELECT code, name FROM problem_category ORDER BY sort_order, code").query((rs, n) -> new Category(rs.getString("code"), rs.getString("name")))
                .list();
    }

    public Optional<Category> find(String code) {
        return jdbc.sql("SELECT code, name FROM problem_category WHERE code = :code").param("code", code)
                .query((rs, n) -> new Category(rs.getString("code"), rs.getString("name"))).optional();
    }

    public void insert(Category c, int sortOrder) {
        jdbc.sql("INSERT INTO problem_category (code, name, sort_order) VALUES (:code, :name, :sort)")
                .param("code", c.code()).param("name", c.name()).param("sort", sortOrder).update();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM problem_category").query(Integer.class).single();
    }
}
