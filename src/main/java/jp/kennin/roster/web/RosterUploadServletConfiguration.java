package jp.kennin.roster.web;

import jakarta.servlet.MultipartConfigElement;

import jp.kennin.roster.internal.RosterProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The roster upload gets a multipart limit of its own
 * ({@code kennin.roster.max-upload-size}, 256 MB) while every other upload keeps
 * {@code spring.servlet.multipart.*} (12 MB per file, 60 MB per request).
 * <p>
 * Tomcat takes the multipart limits from the servlet a URL is mapped to, whoever reads
 * the body first (the controller, or Spring Security's CSRF filter reading
 * {@code _csrf}). So the upload URL, and only it, is mapped to a second
 * {@link DispatcherServlet} with its own {@link MultipartConfigElement}. The servlet
 * shares the application context (same controllers, same handler mappings), and the
 * mapping is exact, for which Spring MVC matches on the full path: the controller's
 * {@code @PostMapping} works unchanged and under MockMvc as well. The file goes to disk
 * above a small threshold, never into memory whole.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RosterUploadServletConfiguration {

	static final String SERVLET_NAME = "rosterUploadDispatcherServlet";

	/**
	 * Parts above this go to a temporary file (in
	 * {@code spring.servlet.multipart.location}).
	 */
	static final int IN_MEMORY_THRESHOLD_BYTES = 16 * 1024;

	@Bean
	ServletRegistrationBean<DispatcherServlet> rosterUploadServlet(ApplicationContext context,
			RosterProperties properties, @Value("${spring.servlet.multipart.location:}") String location) {
		DispatcherServlet servlet = new DispatcherServlet((WebApplicationContext) context);
		ServletRegistrationBean<DispatcherServlet> registration = new ServletRegistrationBean<>(servlet,
				RosterImportController.UPLOAD_PATH);
		registration.setName(SERVLET_NAME);
		registration.setMultipartConfig(new MultipartConfigElement(location, properties.maxUploadBytes(),
				properties.maxRequestBytes(), IN_MEMORY_THRESHOLD_BYTES));
		return registration;
	}

}
