//! The retry policy, as a pure decision: after each attempt, finish or wait and try again.
//! A 429 waits for the vendor's own signal (capped, and the wait is reported); a GET retries
//! server errors and lost connections with jittered exponential backoff; a write is never
//! repeated once the vendor may have acted on it.

use crate::domain::Method;

/// What one attempt produced, as far as retrying cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// The vendor answered; `wait_hint` is the wait its 429 headers asked for, in seconds.
    Answered { status: u16, wait_hint: Option<u64> },
    /// No answer: refused, dropped, or cut off mid-body.
    Lost,
    /// No answer in time.
    TimedOut,
}

/// Why the fetch layer is waiting, shown to the user as a countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitReason {
    RateLimited,
    ServerError(u16),
    NoAnswer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Finish,
    /// Wait this long, then send again.
    Retry {
        wait_ms: u64,
        reason: WaitReason,
    },
}

/// Limits of the policy. The defaults keep a person waiting at most about two minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Extra attempts a GET gets after server errors or lost connections.
    pub read_retries: u32,
    /// Extra attempts any request gets after 429s.
    pub rate_limit_retries: u32,
    /// The longest 429 wait Patchbay sits through; a longer one is reported instead.
    pub max_rate_limit_wait_s: u64,
    pub backoff_base_ms: u64,
    pub backoff_max_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            read_retries: 2,
            rate_limit_retries: 3,
            max_rate_limit_wait_s: 60,
            backoff_base_ms: 500,
            backoff_max_ms: 8_000,
        }
    }
}

/// What happened so far in one `send`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub rate_limited: u32,
    pub failures: u32,
}

impl RetryPolicy {
    /// Decides after `attempt`. `jitter` is a random number in [0, 1) (a parameter, so the
    /// decision is testable); backoff waits land between half and all of the exponential step.
    pub fn decide(
        &self,
        method: Method,
        history: History,
        attempt: Attempt,
        jitter: f64,
    ) -> Decision {
        match attempt {
            Attempt::Answered {
                status: 429,
                wait_hint,
            } => {
                if history.rate_limited >= self.rate_limit_retries {
                    return Decision::Finish;
                }
                let wait_ms = match wait_hint {
                    Some(seconds) if seconds > self.max_rate_limit_wait_s => {
                        return Decision::Finish
                    }
                    Some(seconds) => seconds * 1000,
                    None => self.backoff_ms(history.rate_limited, jitter),
                };
                Decision::Retry {
                    wait_ms,
                    reason: WaitReason::RateLimited,
                }
            }
            _ if !method.is_idempotent_read() || history.failures >= self.read_retries => {
                Decision::Finish
            }
            Attempt::Answered { status, .. } if is_transient(status) => Decision::Retry {
                wait_ms: self.backoff_ms(history.failures, jitter),
                reason: WaitReason::ServerError(status),
            },
            Attempt::Answered { .. } => Decision::Finish,
            Attempt::Lost | Attempt::TimedOut => Decision::Retry {
                wait_ms: self.backoff_ms(history.failures, jitter),
                reason: WaitReason::NoAnswer,
            },
        }
    }

    fn backoff_ms(&self, step: u32, jitter: f64) -> u64 {
        let ceiling = self
            .backoff_base_ms
            .saturating_mul(1u64 << step.min(16))
            .min(self.backoff_max_ms);
        let jitter = jitter.clamp(0.0, 1.0);
        ceiling / 2 + ((ceiling / 2) as f64 * jitter) as u64
    }
}

impl History {
    /// Records a decision to retry, so the next decision knows what was spent.
    pub fn after(self, reason: WaitReason) -> History {
        match reason {
            WaitReason::RateLimited => History {
                rate_limited: self.rate_limited + 1,
                ..self
            },
            WaitReason::ServerError(_) | WaitReason::NoAnswer => History {
                failures: self.failures + 1,
                ..self
            },
        }
    }
}

/// Statuses that say "try again later" rather than "you asked wrongly".
fn is_transient(status: u16) -> bool {
    matches!(status, 500 | 502 | 503 | 504)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: RetryPolicy = RetryPolicy {
        read_retries: 2,
        rate_limit_retries: 3,
        max_rate_limit_wait_s: 60,
        backoff_base_ms: 500,
        backoff_max_ms: 8_000,
    };

    fn answered(status: u16) -> Attempt {
        Attempt::Answered {
            status,
            wait_hint: None,
        }
    }

    #[test]
    fn success_and_client_errors_finish_at_once() {
        for status in [200, 201, 204, 400, 401, 404, 422] {
            assert_eq!(
                POLICY.decide(Method::Get, History::default(), answered(status), 0.5),
                Decision::Finish
            );
        }
    }

    #[test]
    fn a_429_waits_exactly_what_the_vendor_asked_for_any_method() {
        for method in [Method::Get, Method::Post, Method::Patch, Method::Delete] {
            let attempt = Attempt::Answered {
                status: 429,
                wait_hint: Some(7),
            };
            assert_eq!(
                POLICY.decide(method, History::default(), attempt, 0.9),
                Decision::Retry {
                    wait_ms: 7_000,
                    reason: WaitReason::RateLimited
                }
            );
        }
    }

    #[test]
    fn a_429_asking_for_more_than_the_cap_is_reported_not_waited() {
        let attempt = Attempt::Answered {
            status: 429,
            wait_hint: Some(61),
        };
        assert_eq!(
            POLICY.decide(Method::Get, History::default(), attempt, 0.0),
            Decision::Finish
        );
        let attempt = Attempt::Answered {
            status: 429,
            wait_hint: Some(60),
        };
        assert!(matches!(
            POLICY.decide(Method::Get, History::default(), attempt, 0.0),
            Decision::Retry { .. }
        ));
    }

    #[test]
    fn rate_limit_retries_run_out() {
        let spent = History {
            rate_limited: 3,
            failures: 0,
        };
        let attempt = Attempt::Answered {
            status: 429,
            wait_hint: Some(1),
        };
        assert_eq!(
            POLICY.decide(Method::Get, spent, attempt, 0.0),
            Decision::Finish
        );
    }

    #[test]
    fn a_429_without_a_signal_backs_off() {
        let decision = POLICY.decide(Method::Post, History::default(), answered(429), 0.0);
        assert_eq!(
            decision,
            Decision::Retry {
                wait_ms: 250,
                reason: WaitReason::RateLimited
            }
        );
    }

    #[test]
    fn gets_retry_server_errors_and_lost_connections_until_the_budget_is_spent() {
        let mut history = History::default();
        for _ in 0..2 {
            let decision = POLICY.decide(Method::Get, history, answered(503), 0.0);
            let Decision::Retry { reason, .. } = decision else {
                panic!("expected a retry")
            };
            assert_eq!(reason, WaitReason::ServerError(503));
            history = history.after(reason);
        }
        assert_eq!(
            POLICY.decide(Method::Get, history, answered(503), 0.0),
            Decision::Finish
        );
        assert_eq!(
            POLICY.decide(Method::Get, History::default(), Attempt::Lost, 0.0),
            Decision::Retry {
                wait_ms: 250,
                reason: WaitReason::NoAnswer
            }
        );
        assert!(matches!(
            POLICY.decide(Method::Get, History::default(), Attempt::TimedOut, 0.0),
            Decision::Retry {
                reason: WaitReason::NoAnswer,
                ..
            }
        ));
    }

    #[test]
    fn writes_are_never_repeated_after_the_vendor_may_have_acted() {
        for method in [Method::Post, Method::Put, Method::Patch, Method::Delete] {
            for attempt in [
                answered(500),
                answered(503),
                Attempt::Lost,
                Attempt::TimedOut,
            ] {
                assert_eq!(
                    POLICY.decide(method, History::default(), attempt, 0.5),
                    Decision::Finish,
                    "{method:?} {attempt:?}"
                );
            }
        }
    }

    #[test]
    fn not_implemented_is_not_transient() {
        assert_eq!(
            POLICY.decide(Method::Get, History::default(), answered(501), 0.0),
            Decision::Finish
        );
    }

    #[test]
    fn backoff_doubles_with_jitter_between_half_and_full_and_is_capped() {
        let wait = |failures, jitter| match POLICY.decide(
            Method::Get,
            History {
                rate_limited: 0,
                failures,
            },
            Attempt::Lost,
            jitter,
        ) {
            Decision::Retry { wait_ms, .. } => wait_ms,
            Decision::Finish => panic!("expected a retry"),
        };
        assert_eq!((wait(0, 0.0), wait(0, 0.999)), (250, 499));
        assert_eq!((wait(1, 0.0), wait(1, 1.0)), (500, 1000));
        let generous = RetryPolicy {
            read_retries: 40,
            ..POLICY
        };
        let Decision::Retry { wait_ms, .. } = generous.decide(
            Method::Get,
            History {
                rate_limited: 0,
                failures: 30,
            },
            Attempt::Lost,
            1.0,
        ) else {
            panic!("expected a retry")
        };
        assert_eq!(wait_ms, 8_000);
    }
}
