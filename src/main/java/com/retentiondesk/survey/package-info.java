/** The monthly satisfaction survey (满意度回访): sampling of reached customers, the surveyors' calls, low-score reviews. */
package com.retentiondesk.survey;
