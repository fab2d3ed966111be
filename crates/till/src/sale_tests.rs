//! The transition function on its own: scenarios, and generated input sequences that must
//! never reach an impossible state.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_money::{Currency, Money};
use proptest::prelude::*;

use super::*;

const T0: i64 = 1_000_000;

fn rules() -> Rules {
    let c = crate::TillConfig::new("d");
    crate::driver::rules(&c)
}

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

/// A machine and a log of what it asked for, answering like a test double.
struct Rig {
    sale: Sale,
    now: i64,
    fx: Vec<Effect>,
}

impl Rig {
    fn new() -> Rig {
        let sale = Sale::new("s1".into(), dkk(500), "K1".into(), T0, rules());
        let mut rig = Rig {
            sale,
            now: T0,
            fx: Vec::new(),
        };
        rig.feed(Input::Tick);
        rig
    }

    /// One input, then ticks while a write was made (as the driver does).
    fn feed(&mut self, input: Input) -> Vec<Effect> {
        let mut all = Vec::new();
        let mut input = input;
        loop {
            let fx = self.sale.on(input, self.now);
            let wrote = fx.iter().any(|e| matches!(e, Effect::Write(_)));
            all.extend(fx);
            if !wrote {
                break;
            }
            input = Input::Tick;
        }
        self.fx.extend(all.clone());
        all
    }

    fn at(&mut self, ms: i64) -> Vec<Effect> {
        self.now = T0 + ms;
        self.feed(Input::Tick)
    }

    fn created(&mut self, seq: i64) -> Vec<Effect> {
        self.feed(Input::Created {
            seq,
            payment_id: format!("p{seq}"),
            url: format!("https://bank/p{seq}"),
        })
    }

    fn status(&mut self, seq: i64, status: Status) -> Vec<Effect> {
        self.feed(Input::Read {
            seq,
            reply: Ok(Reply {
                payment_id: format!("p{seq}"),
                status,
                amount: None,
                bank: None,
            }),
        })
    }

    fn creates(&self) -> usize {
        self.fx
            .iter()
            .filter(|e| matches!(e, Effect::Create { .. }))
            .count()
    }
}

fn ended(fx: &[Effect]) -> Option<(Outcome, EndReason)> {
    fx.iter().find_map(|e| match e {
        Effect::Notify(Notice::Ended {
            outcome, reason, ..
        }) => Some((*outcome, reason.clone())),
        _ => None,
    })
}

fn not_found() -> CallFailure {
    CallFailure {
        problem: Problem::NotFound,
        retry_after: None,
        transient: false,
        may_exist: false,
        detail: "404".into(),
        entropy: 0,
    }
}

#[test]
fn a_code_is_made_shown_and_replaced_before_it_dies() {
    let mut rig = Rig::new();
    assert_eq!(rig.creates(), 1);
    let fx = rig.created(1);
    assert!(matches!(
        fx[0],
        Effect::Write(Write::Created { seq: 1, .. })
    ));
    assert!(fx.contains(&Effect::Show { seq: 1 }));
    // 52 s: 8 s before the 60 s link dies, the next one is asked for.
    let fx = rig.at(51_999);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Create { .. })));
    let fx = rig.at(52_000);
    assert!(fx.contains(&Effect::Create {
        seq: 2,
        reference: "K1".into()
    }));
    let fx = rig.created(2);
    assert!(fx.contains(&Effect::Show { seq: 2 }));
    assert_eq!(rig.sale.shown().map(|a| a.seq), Some(2));
}

#[test]
fn no_second_code_while_a_customer_is_in_their_bank() {
    let mut rig = Rig::new();
    rig.created(1);
    let fx = rig.status(1, Status::AwaitingAuthorization);
    assert!(fx.contains(&Effect::Withdraw {
        seq: 1,
        why: Withdrawn::InBank
    }));
    assert_eq!(rig.sale.phase(), Phase::InBank);
    // Long past the rotation time and the link's life: no new code.
    for t in (52_000..120_000).step_by(1_000) {
        let fx = rig.at(t);
        assert!(
            !fx.iter()
                .any(|e| matches!(e, Effect::Create { .. } | Effect::Show { .. })),
            "{t}"
        );
    }
    rig.status(1, Status::Authorized);
    assert_eq!(rig.sale.phase(), Phase::Authorized);
    assert_eq!(rig.creates(), 1);
    // The bank session runs out unpaid: a fresh code.
    let fx = rig.status(1, Status::Expired);
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::Notify(Notice::Status {
            news: StatusNews::LeftTheBank,
            ..
        })
    )));
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Create { seq: 2, .. }))
    );
}

#[test]
fn a_code_already_replaced_while_the_customer_opens_it_takes_the_new_one_down() {
    let mut rig = Rig::new();
    rig.created(1);
    rig.at(52_000);
    rig.created(2);
    assert_eq!(rig.sale.shown().map(|a| a.seq), Some(2));
    // The customer had scanned code 1 and opens it now.
    let fx = rig.status(1, Status::AwaitingAuthorization);
    assert!(fx.contains(&Effect::Withdraw {
        seq: 2,
        why: Withdrawn::InBank
    }));
    assert!(rig.sale.shown().is_none());
    let fx = rig.status(1, Status::Executed);
    assert_eq!(ended(&fx), Some((Outcome::Paid, EndReason::PaidByBank)));
    assert_eq!(rig.sale.paid_by(), Some("p1"));
}

fn progress_notices(fx: &[Effect]) -> Vec<Progress> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Notify(Notice::Progress(p)) => Some(*p),
            _ => None,
        })
        .collect()
}

fn scanning(attempt: i64, left: Option<LeftBank>) -> Progress {
    Progress {
        phase: Phase::Scanning,
        attempt: Some(attempt),
        left,
    }
}

#[test]
fn the_status_line_stays_on_the_code_the_customer_approves_when_a_fresh_one_is_read() {
    let mut rig = Rig::new();
    let fx = rig.created(1);
    assert_eq!(progress_notices(&fx), vec![scanning(1, None)]);
    rig.at(52_000);
    let fx = rig.created(2);
    assert_eq!(progress_notices(&fx), vec![scanning(2, None)]);
    // The customer had scanned code 1 before it was replaced and opens it now.
    let fx = rig.status(1, Status::AwaitingAuthorization);
    let in_bank_1 = Progress {
        phase: Phase::InBank,
        attempt: Some(1),
        left: None,
    };
    assert_eq!(progress_notices(&fx), vec![in_bank_1]);
    // Code 2's first read says Initiated: news of code 2, not of the customer's payment.
    let fx = rig.status(2, Status::Initiated);
    assert!(
        fx.iter().any(|e| matches!(
            e,
            Effect::Notify(Notice::Status {
                seq: 2,
                status: Status::Initiated,
                ..
            })
        )),
        "the status itself is still told: {fx:?}"
    );
    assert_eq!(progress_notices(&fx), vec![]);
    assert_eq!(rig.sale.progress(), in_bank_1);
    let fx = rig.status(1, Status::Authorized);
    assert_eq!(
        progress_notices(&fx),
        vec![Progress {
            phase: Phase::Authorized,
            attempt: Some(1),
            left: None,
        }]
    );
}

#[test]
fn a_replaced_code_that_expires_leaves_the_status_line_on_the_fresh_code() {
    let mut rig = Rig::new();
    rig.created(1);
    rig.at(52_000);
    rig.created(2);
    rig.status(2, Status::Initiated);
    rig.at(60_500);
    let fx = rig.status(1, Status::Expired);
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::Notify(Notice::Status {
            seq: 1,
            status: Status::Expired,
            news: StatusNews::Changed,
            ..
        })
    )));
    assert_eq!(progress_notices(&fx), vec![]);
    assert_eq!(rig.sale.progress(), scanning(2, None));
}

#[test]
fn a_customer_who_leaves_the_bank_unpaid_is_told_beside_the_fresh_code_until_the_next_opens_it() {
    let mut rig = Rig::new();
    rig.created(1);
    rig.status(1, Status::AwaitingAuthorization);
    let fx = rig.status(1, Status::Expired);
    assert_eq!(
        progress_notices(&fx),
        vec![Progress {
            phase: Phase::MakingCode,
            attempt: None,
            left: Some(LeftBank::TimedOut),
        }]
    );
    let fx = rig.created(2);
    assert_eq!(
        progress_notices(&fx),
        vec![scanning(2, Some(LeftBank::TimedOut))]
    );
    let fx = rig.status(2, Status::AwaitingAuthorization);
    assert_eq!(
        progress_notices(&fx),
        vec![Progress {
            phase: Phase::InBank,
            attempt: Some(2),
            left: None,
        }]
    );
    // A decline of a replaced code while the fresh one lives: told beside it.
    let mut rig = Rig::new();
    rig.created(1);
    rig.at(52_000);
    rig.created(2);
    let fx = rig.status(1, Status::Rejected);
    assert_eq!(
        progress_notices(&fx),
        vec![scanning(2, Some(LeftBank::Declined))]
    );
    // The end has its own notice; no progress after it.
    let fx = rig.status(2, Status::Rejected);
    assert_eq!(ended(&fx), Some((Outcome::Failed, EndReason::Declined)));
    assert_eq!(progress_notices(&fx), vec![]);
}

#[test]
fn a_decline_on_a_replaced_code_does_not_end_a_sale_whose_current_code_lives() {
    let mut rig = Rig::new();
    rig.created(1);
    rig.at(52_000);
    rig.created(2);
    let fx = rig.status(1, Status::Rejected);
    assert_eq!(ended(&fx), None);
    assert!(rig.sale.is_open());
    assert_eq!(rig.sale.shown().map(|a| a.seq), Some(2));
    // A decline of the code on screen ends it.
    let fx = rig.status(2, Status::Rejected);
    assert_eq!(ended(&fx), Some((Outcome::Failed, EndReason::Declined)));
}

#[test]
fn not_found_is_never_final_and_is_read_until_the_bank_session_is_over() {
    let mut rig = Rig::new();
    rig.created(1);
    rig.status(1, Status::AwaitingAuthorization);
    let opened = rig.now;
    for _ in 0..5 {
        let fx = rig.feed(Input::Read {
            seq: 1,
            reply: Err(not_found()),
        });
        assert!(!fx.iter().any(|e| matches!(e, Effect::Write(_))));
    }
    assert!(rig.sale.attempts()[0].followed());
    // Found again: the customer completes it and it pays.
    let fx = rig.status(1, Status::Executed);
    assert_eq!(ended(&fx).map(|e| e.0), Some(Outcome::Paid));

    let mut rig = Rig::new();
    rig.created(1);
    rig.status(1, Status::AwaitingAuthorization);
    rig.now = opened + 299_000;
    let fx = rig.feed(Input::Read {
        seq: 1,
        reply: Err(not_found()),
    });
    assert!(
        !fx.iter()
            .any(|e| matches!(e, Effect::Write(Write::Lost { .. })))
    );
    rig.now = opened + 300_000;
    let fx = rig.feed(Input::Read {
        seq: 1,
        reply: Err(not_found()),
    });
    assert!(fx.contains(&Effect::Write(Write::Lost { seq: 1 })));
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::Notify(Notice::Attention {
            reason: FlagReason::Lost,
            ..
        })
    )));
    assert!(!rig.sale.attempts()[0].followed(), "no longer read");
}

#[test]
fn an_executed_payment_for_another_amount_is_flagged_never_paid() {
    let mut rig = Rig::new();
    rig.created(1);
    let fx = rig.feed(Input::Read {
        seq: 1,
        reply: Ok(Reply {
            payment_id: "p1".into(),
            status: Status::Executed,
            amount: Some(dkk(50)),
            bank: None,
        }),
    });
    assert_eq!(ended(&fx), None);
    assert!(rig.sale.is_open());
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::Write(Write::Status {
            then: Consequence::Flag(FlagReason::AmountMismatch { .. }),
            ..
        })
    )));
    // And the sale gets a new code.
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Create { seq: 2, .. }))
    );
}

#[test]
fn a_slow_read_does_not_hold_up_the_rotation() {
    let mut rig = Rig::new();
    rig.created(1);
    let fx = rig.at(2_000);
    assert!(fx.contains(&Effect::Read {
        seq: 1,
        payment_id: "p1".into()
    }));
    // The read never answers; time goes on; the replacement comes on time and no second
    // read of the same attempt is started while one is out.
    let fx = rig.at(52_000);
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Create { seq: 2, .. }))
    );
    let reads = rig
        .fx
        .iter()
        .filter(|e| matches!(e, Effect::Read { seq: 1, .. }))
        .count();
    assert_eq!(reads, 1);
}

#[test]
fn the_payment_after_a_cancel_is_flagged_once() {
    let mut rig = Rig::new();
    rig.created(1);
    let fx = rig.feed(Input::Cancel);
    assert_eq!(
        ended(&fx),
        Some((Outcome::Cancelled, EndReason::CancelledByCashier))
    );
    let fx = rig.status(1, Status::Executed);
    assert!(fx.iter().any(|e| matches!(
        e,
        Effect::Notify(Notice::Attention {
            reason: FlagReason::AfterEnd {
                ended: Outcome::Cancelled
            },
            ..
        })
    )));
    assert!(rig.sale.is_done());
}

// ---- generated sequences ----

#[derive(Debug, Clone)]
enum Op {
    Wait(i64),
    Cancel,
    Poke,
    /// Answer the oldest outstanding create: ok, or a failure (transient / may exist).
    AnswerCreate(Option<(bool, bool)>),
    /// Answer the oldest outstanding read of attempt index `usize % n`.
    AnswerRead(usize, ReadAnswer),
}

#[derive(Debug, Clone)]
enum ReadAnswer {
    Status(Status),
    WrongAmount,
    NotFound,
    Error,
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Initiated),
        Just(Status::AwaitingAuthorization),
        Just(Status::Authorized),
        Just(Status::Executed),
        Just(Status::Rejected),
        Just(Status::Failed),
        Just(Status::Expired),
        Just(Status::Other("Pending".into())),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1i64..20_000).prop_map(Op::Wait),
        1 => Just(Op::Cancel),
        1 => Just(Op::Poke),
        3 => prop::option::weighted(0.8, (any::<bool>(), any::<bool>())).prop_map(Op::AnswerCreate),
        6 => (any::<usize>(), prop_oneof![
            6 => status().prop_map(ReadAnswer::Status),
            1 => Just(ReadAnswer::WrongAmount),
            1 => Just(ReadAnswer::NotFound),
            1 => Just(ReadAnswer::Error),
        ]).prop_map(|(i, a)| Op::AnswerRead(i, a)),
    ]
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut sale = Sale::new("s1".into(), dkk(500), "K1".into(), T0, rules());
    let mut now = T0;
    let mut creates: Vec<i64> = Vec::new();
    let mut reads: Vec<(i64, String)> = Vec::new();
    let mut ends = 0;
    let mut flagged: std::collections::HashSet<i64> = Default::default();
    // What the "bank" last said per attempt, to check final statuses never change.
    let mut finals: std::collections::HashMap<i64, Status> = Default::default();
    let mut ops = ops.into_iter();
    let mut input = Input::Tick;
    loop {
        let before = sale.clone();
        let fx = sale.on(input.clone(), now);
        // At most one write, and it comes first.
        let writes = fx.iter().filter(|e| matches!(e, Effect::Write(_))).count();
        prop_assert!(writes <= 1, "{fx:?}");
        if writes == 1 {
            prop_assert!(matches!(fx[0], Effect::Write(_)), "{fx:?}");
        }
        for e in &fx {
            match e {
                Effect::Create { seq, .. } => creates.push(*seq),
                Effect::Read { seq, payment_id } => {
                    prop_assert!(
                        !reads.iter().any(|(s, _)| s == seq),
                        "two reads of one attempt at once"
                    );
                    reads.push((*seq, payment_id.clone()));
                }
                Effect::Show { seq } => {
                    let a = sale.attempts().iter().find(|a| a.seq == *seq).unwrap();
                    prop_assert!(now < sale.show_until(a).unwrap(), "a dying code shown");
                    prop_assert!(
                        !sale.attempts().iter().any(Attempt::in_bank),
                        "a code shown while a customer is in the bank"
                    );
                }
                Effect::Notify(Notice::Ended {
                    outcome,
                    payment_id,
                    ..
                }) => {
                    ends += 1;
                    prop_assert!(ends <= 1, "ended twice");
                    if *outcome == Outcome::Paid {
                        let pid = payment_id.clone().unwrap();
                        let a = sale
                            .attempts()
                            .iter()
                            .find(|a| a.payment_id() == Some(&pid))
                            .unwrap();
                        prop_assert_eq!(a.status.clone(), Some(Status::Executed));
                        prop_assert!(!a.mismatch, "paid by a payment for another amount");
                    }
                }
                Effect::Notify(Notice::Attention { seq, .. }) => {
                    prop_assert!(flagged.insert(*seq), "flagged twice");
                }
                _ => {}
            }
        }
        if sale.phase() == Phase::InBank || sale.phase() == Phase::Authorized {
            prop_assert!(sale.shown().is_none());
        }
        for a in sale.attempts() {
            if let Some(f) = finals.get(&a.seq) {
                prop_assert_eq!(a.status.as_ref(), Some(f), "a final status changed");
            }
            if a.is_final() {
                finals
                    .entry(a.seq)
                    .or_insert_with(|| a.status.clone().unwrap());
            }
        }
        if !before.is_open() {
            prop_assert!(!sale.is_open(), "an ended sale opened again");
        }
        if writes == 1 {
            input = Input::Tick;
            continue;
        }
        let Some(op) = ops.next() else { break };
        input = match op {
            Op::Wait(ms) => {
                now += ms;
                Input::Tick
            }
            Op::Cancel => Input::Cancel,
            Op::Poke => Input::Poke,
            Op::AnswerCreate(answer) => {
                if creates.is_empty() {
                    Input::Tick
                } else {
                    let seq = creates.remove(0);
                    match answer {
                        None => Input::Created {
                            seq,
                            payment_id: format!("p{seq}"),
                            url: format!("https://bank/p{seq}"),
                        },
                        Some((transient, may_exist)) => Input::NotCreated {
                            seq,
                            failure: CallFailure {
                                problem: Problem::ServiceError,
                                retry_after: None,
                                transient,
                                may_exist,
                                detail: "x".into(),
                                entropy: 7,
                            },
                        },
                    }
                }
            }
            Op::AnswerRead(i, answer) => {
                if reads.is_empty() {
                    Input::Tick
                } else {
                    let (seq, pid) = reads.remove(i % reads.len());
                    let reply = match answer {
                        ReadAnswer::Status(s) => {
                            // The bank never moves a final payment.
                            let s = finals.get(&seq).cloned().unwrap_or(s);
                            Ok(Reply {
                                payment_id: pid,
                                status: s,
                                amount: None,
                                bank: None,
                            })
                        }
                        ReadAnswer::WrongAmount => Ok(Reply {
                            payment_id: pid,
                            status: finals.get(&seq).cloned().unwrap_or(Status::Executed),
                            amount: Some(dkk(499)),
                            bank: None,
                        }),
                        ReadAnswer::NotFound => Err(not_found()),
                        ReadAnswer::Error => Err(CallFailure {
                            problem: Problem::Timeout,
                            retry_after: Some(Duration::from_secs(1)),
                            transient: true,
                            may_exist: false,
                            detail: "t".into(),
                            entropy: 3,
                        }),
                    };
                    Input::Read { seq, reply }
                }
            }
        };
    }
    // Every executed payment (of the right amount) either paid the sale or was flagged.
    for a in sale.attempts() {
        if a.status == Some(Status::Executed) && !a.mismatch {
            let paid = sale.paid_by() == a.payment_id();
            prop_assert!(
                paid || flagged.contains(&a.seq),
                "an extra payment unflagged"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]
    #[test]
    fn no_sequence_of_inputs_reaches_an_impossible_state(ops in prop::collection::vec(op(), 0..80)) {
        run(ops)?;
    }
}
