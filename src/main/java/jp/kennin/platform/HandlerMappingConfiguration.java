package jp.kennin.platform;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's annotated-controller mapping, created by Boot as usual (interceptors,
 * CORS, path matching) but as {@link FirstSegmentHandlerMapping}.
 */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration {

	@Bean
	WebMvcRegistrations firstSegmentHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new FirstSegmentHandlerMapping();
			}
		};
	}

}
