package jp.kennin.dashboard.web;

import jp.kennin.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chart library's WebJar is a static script like /js/**: served without login (it
 * shows nothing of anyone), so the member chain never redirects it to a login page.
 */
@Configuration(proxyBeanMethods = false)
class ChartLibraryPublicPaths {

	@Bean
	PublicPaths chartLibraryPaths() {
		return PublicPaths.of("/webjars/echarts/**");
	}

}
