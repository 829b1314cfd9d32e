/**
 * Office contacts (事業所担当者): the survey progress of their offices' households, for the
 * staff role {@code OFFICE_CONTACT}. The public API is
 * {@link jp.kennin.office.OfficeContactViews}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Office contacts")
package jp.kennin.office;
