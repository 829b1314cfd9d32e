package jp.kennin.platform;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstSegmentHandlerMappingTests {

	@Controller
	static class Pages {

		@GetMapping("/")
		void root() {
		}

		@GetMapping("/survey/{form}/d/{dependent}/{step}")
		void question() {
		}

		@PostMapping("/survey/{form}/d/{dependent}/{step}")
		void save() {
		}

		@GetMapping("/survey")
		void surveys() {
		}

		@GetMapping({ "/admin/{id}", "/staff/{id}" })
		void staff() {
		}

		@GetMapping("/{name}.txt")
		void text() {
		}

		@GetMapping("/files/**")
		void files() {
		}

	}

	final RequestMappingHandlerMapping plain = mapping(new RequestMappingHandlerMapping());

	final RequestMappingHandlerMapping filtered = mapping(new FirstSegmentHandlerMapping());

	static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.registerSingleton("pages", Pages.class);
		context.refresh();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		return mapping;
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "GET, /, root", "GET, /survey/12/d/34/income, question", "POST, /survey/12/d/34/income, save",
			"GET, /survey, surveys", "GET, /admin/5, staff", "GET, /staff/5, staff", "GET, /robots.txt, text",
			"GET, /files/a/b.pdf, files", "GET, /%73urvey/12/d/34/income, question",
			"GET, /survey;jsessionid=1/12/d/34/income, question", "GET, /nothing/here, -", "GET, /Survey, -",
			"GET, /survey/, -" })
	void finds_the_same_handler_as_spring_alone(String method, String path, String expected) throws Exception {
		String viaSpring = handler(this.plain, method, path);
		String viaFiltered = handler(this.filtered, method, path);

		assertThat(viaSpring).isEqualTo(expected);
		assertThat(viaFiltered).isEqualTo(viaSpring);
	}

	@Test
	void a_known_path_with_another_method_is_still_405() {
		assertThatThrownBy(() -> handler(this.filtered, "DELETE", "/survey/12/d/34/income"))
			.isInstanceOf(HttpRequestMethodNotSupportedException.class);
	}

	@Test
	void only_literal_first_segments_are_used_to_pass_a_mapping_over() {
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/survey/{f}")).isEqualTo("survey");
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/survey")).isEqualTo("survey");
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/")).isEmpty();
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/{page}")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/*.ico")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/**")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("")).isNull();
	}

	@Test
	void a_mapping_is_known_by_the_first_segments_of_its_patterns() {
		RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
		config.setPatternParser(new PathPatternParser());

		assertThat(FirstSegmentHandlerMapping
			.firstSegments(RequestMappingInfo.paths("/admin/{id}", "/staff/{id}").options(config).build()))
			.containsExactlyInAnyOrder("admin", "staff");
		assertThat(FirstSegmentHandlerMapping
			.firstSegments(RequestMappingInfo.paths("/admin/{id}", "/{name}.txt").options(config).build()))
			.as("one pattern may start with anything: always tested")
			.isEmpty();
	}

	static String handler(RequestMappingHandlerMapping mapping, String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = mapping.getHandler(request);
		if (chain == null) {
			return "-";
		}
		Method handler = ((HandlerMethod) chain.getHandler()).getMethod();
		return handler.getName();
	}

}
