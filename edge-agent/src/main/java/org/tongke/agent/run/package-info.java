/** The agent put together: configuration, schedule, recording, upload and signaling, started and stopped as one. */
package org.tongke.agent.run;
