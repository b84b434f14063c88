-- A supervisor's subscriptions are looked up by its user when its session ends (logout, expiry): by index, not by a
-- scan of every subscription of every contact center.
CREATE INDEX monitoring_subscription_supervisor ON monitoring_subscription (supervisor_user_id);
