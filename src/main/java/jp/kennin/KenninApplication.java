package jp.kennin;

import jp.kennin.roster.RosterCommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kennin: the dependent eligibility survey (被扶養者資格調査) for Japanese health insurance
 * societies.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KenninApplication {

	public static void main(String[] args) {
		if (args.length > 0 && RosterCommandLine.COMMAND.equals(args[0])) {
			System.exit(RosterCommandLine.run(KenninApplication.class, args));
		}
		SpringApplication.run(KenninApplication.class, args);
	}

}
