//! Pages, one per route of [`crate::route::Route`]. A page calls its hooks (which do
//! the I/O and keep the state) and renders what they return with the components of
//! [`crate::components`], passing their callbacks down. No page calls a service.

pub mod history;
pub mod learn;
pub mod login;
pub mod oracle;
pub mod people;
pub mod reading;
pub mod settings;
