package jp.kennin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.TenantPages.Kind;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo insurer's システム操作マニュアル and よくあるご質問 ({@code demo/manual.md},
 * {@code demo/faq.md}): written on every start where the page is still empty, so a demo
 * database made before they existed gets them too, and never over what the demo admin
 * wrote.
 */
@Component
class DemoPages {

	private final TenantPages pages;

	DemoPages(TenantPages pages) {
		this.pages = pages;
	}

	void write(long tenantId) {
		pages.writeIfEmpty(tenantId, Kind.MANUAL, text("demo/manual.md"), "demo-data");
		pages.writeIfEmpty(tenantId, Kind.FAQ, text("demo/faq.md"), "demo-data");
	}

	static String text(String location) {
		try (var in = new ClassPathResource(location).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
