package jp.kennin.platform;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's controllers are looked up through {@link FirstSegmentHandlerMapping},
 * with the interceptors Boot gives the mapping (the terms gate among them).
 */
@KenninIntegrationTest
class HandlerMappingIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void controllers_are_mapped_by_first_segment_with_their_interceptors() throws Exception {
		assertThat(this.mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/survey/12/d/34/income");
		ServletRequestPathUtils.parseAndCache(request);

		HandlerExecutionChain chain = this.mapping.getHandler(request);

		assertThat(chain).as("the member survey's question page").isNotNull();
		assertThat(chain.getHandler().toString()).contains("SurveyFormController");
		assertThat(chain.getInterceptorList()).extracting(i -> i.getClass().getSimpleName()).contains("TermsGate");
	}

}
