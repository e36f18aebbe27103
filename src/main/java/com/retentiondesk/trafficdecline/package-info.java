/** The traffic-decline retention case (话务下降用户保有): a customer whose monthly bill fell is called, stage by stage. */
package com.retentiondesk.trafficdecline;
