package jp.kennin.survey;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fails the opening of a campaign whose title carries {@link #FAIL}, inside the opening's
 * transaction: how a test makes an action fail after it has written its change and its
 * audit record.
 */
@Component
class FailingCampaignListener {

	static final String FAIL = "（テストで失敗させる）";

	@EventListener
	void on(CampaignOpened opened) {
		if (opened.title().contains(FAIL)) {
			throw new IllegalStateException("listener failed on purpose");
		}
	}

}
