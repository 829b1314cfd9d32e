/**
 * The dependent eligibility survey: campaigns, survey forms per household, answers,
 * submission.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Survey")
package jp.kennin.survey;
