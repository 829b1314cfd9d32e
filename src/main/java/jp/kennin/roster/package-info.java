/**
 * The roster (名簿) of insured persons (本人) and dependents (家族) per tenant, which members
 * sign up against and surveys target.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Roster")
package jp.kennin.roster;
