//! The Norwegian SAF-T Cash Register books (issue 12, started): the signed receipt chain
//! ([`signature`]) and the journal's event codes ([`events`]).
pub mod events;
pub mod signature;
