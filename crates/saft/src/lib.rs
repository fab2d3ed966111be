//! The Norwegian SAF-T Cash Register books (issue 12, started): the signed receipt chain.
pub mod signature;
