package jp.kennin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kennin: the dependent eligibility survey (被扶養者資格調査) for Japanese health insurance societies.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KenninApplication {

	public static void main(String[] args) {
		SpringApplication.run(KenninApplication.class, args);
	}

}
