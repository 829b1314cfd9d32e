package jp.kennin.platform;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Puts {@link ErrorReportPage} in place of Tomcat's error report valve (the one Spring
 * Boot adds too), after Boot's own customizer has run.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> errorReportPage(MessageSource messages,
			SecurityBaseline baseline) {
		return factory -> factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ErrorReportPage)) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ErrorReportPage(messages, baseline));
			// Otherwise the host adds a default ErrorReportValve of its own when it
			// starts.
			host.setErrorReportValveClass(ErrorReportPage.class.getName());
		});
	}

}
