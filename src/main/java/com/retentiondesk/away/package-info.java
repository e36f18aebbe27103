/**
 * Phone managers' away days (请假/外出): {@code PUT/DELETE /api/managers/{id}/away}, and while a manager is away
 * their customers' new call tasks go to the team (candidate group, no assignee) instead of to them.
 */
package com.retentiondesk.away;
