/**
 * The county as a whole: its communities (教共体) of a core and member schools, their type (merged,
 * co-built, collaborative), the county's pairings and the yearly targets per community type.
 * {@link org.tongke.config.county.County} is the root record every module receives.
 */
package org.tongke.config.county;
