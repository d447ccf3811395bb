package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hệ thống thông tin giải quyết thủ tục hành chính MotCua. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotCuaApplication {
    public static void main(String[] args) {
        SpringApplication.run(MotCuaApplication.class, args);
    }
}
