package cn.jiandu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JianduApplication {

    public static void main(String[] args) {
        SpringApplication.run(JianduApplication.class, args);
    }
}
