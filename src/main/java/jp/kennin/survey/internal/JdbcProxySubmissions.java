package jp.kennin.survey.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.ProxySubmissions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JdbcProxySubmissions implements ProxySubmissions {

	private final ProxyInputRepository proxies;

	JdbcProxySubmissions(ProxyInputRepository proxies) {
		this.proxies = proxies;
	}

	@Override
	public Optional<ProxyChannel> latestChannel(long tenantId, long formId) {
		return proxies.latestSubmissionChannel(tenantId, formId);
	}

	@Override
	public Map<Long, ProxyChannel> latestChannels(long tenantId, Collection<Long> formIds) {
		return formIds.isEmpty() ? Map.of() : proxies.latestSubmissionChannels(tenantId, formIds);
	}

}
