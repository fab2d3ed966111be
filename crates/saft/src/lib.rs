//! The Norwegian SAF-T Cash Register books (issue 12): the signed receipt chain
//! ([`signature`]), the journal's event codes ([`events`]), Norway's choices of what is
//! signed and which codes are exported ([`no`]), and the audit file itself ([`export`]).
pub mod events;
pub mod export;
pub mod no;
pub mod signature;
