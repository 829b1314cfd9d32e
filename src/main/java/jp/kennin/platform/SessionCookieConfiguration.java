package jp.kennin.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Over HTTPS the session cookie is {@code __Host-}prefixed and Secure; plain HTTP is for local
 * development only, where browsers would refuse such a cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	@Bean
	CookieSerializer cookieSerializer(KenninProperties properties) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		boolean https = properties.servedOverHttps();
		serializer.setCookieName(https ? "__Host-KENNIN_SESSION" : "KENNIN_SESSION");
		serializer.setUseSecureCookie(https);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}

}
