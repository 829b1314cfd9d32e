package jp.kennin.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Over HTTPS the session cookie is {@code __Host-}prefixed and Secure; plain HTTP is for
 * local development only, where browsers would refuse such a cookie. HTTPS means an
 * {@code https://} base URL (TLS ends at a proxy Kennin may not know about) or a request
 * that arrived over HTTPS, directly or as a trusted proxy says (X-Forwarded-Proto, see
 * TrustedProxyValve).
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	@Bean
	CookieSerializer cookieSerializer(KenninProperties properties) {
		return new SchemeAwareCookieSerializer(properties.servedOverHttps());
	}

	static final class SchemeAwareCookieSerializer implements CookieSerializer {

		private final boolean alwaysSecure;

		private final DefaultCookieSerializer plain = serializer("KENNIN_SESSION", false);

		private final DefaultCookieSerializer secure = serializer("__Host-KENNIN_SESSION", true);

		SchemeAwareCookieSerializer(boolean alwaysSecure) {
			this.alwaysSecure = alwaysSecure;
		}

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			pick(cookieValue.getRequest()).writeCookieValue(cookieValue);
		}

		@Override
		public List<String> readCookieValues(HttpServletRequest request) {
			return pick(request).readCookieValues(request);
		}

		private DefaultCookieSerializer pick(HttpServletRequest request) {
			return alwaysSecure || request.isSecure() ? secure : plain;
		}

		private static DefaultCookieSerializer serializer(String name, boolean secure) {
			DefaultCookieSerializer serializer = new DefaultCookieSerializer();
			serializer.setCookieName(name);
			serializer.setUseSecureCookie(secure);
			serializer.setUseHttpOnlyCookie(true);
			serializer.setSameSite("Lax");
			serializer.setCookiePath("/");
			return serializer;
		}

	}

}
