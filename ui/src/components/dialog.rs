//! A modal confirmation: a `<dialog>` opened with `showModal()`, so the rest of the
//! page is inert while it is open. Tab and Shift+Tab cycle between its two buttons,
//! Escape cancels, "Cancel" has focus first (the safe choice), and when it closes
//! focus goes back to the control that opened it — or, when that is gone (the row
//! just deleted), to `fallback_focus`.

use web_sys::{HtmlDialogElement, HtmlElement};
use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::t;
use crate::services::browser;

#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    pub open: bool,
    /// The question (the dialog's accessible name).
    pub question: AttrValue,
    /// The label of the confirming button ("Delete").
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    /// "Cancel", Escape.
    pub on_cancel: Callback<()>,
    /// A CSS selector of where focus goes when the opener is no longer in the page.
    pub fallback_focus: AttrValue,
}

#[function_component(ConfirmDialog)]
pub fn confirm_dialog(props: &ConfirmDialogProps) -> Html {
    let locale = use_locale();
    let dialog = use_node_ref();
    let (confirm, cancel) = (use_node_ref(), use_node_ref());
    let opener = use_mut_ref(|| None::<HtmlElement>);
    {
        let (dialog, cancel, opener) = (dialog.clone(), cancel.clone(), opener.clone());
        let fallback = props.fallback_focus.clone();
        use_effect_with(props.open, move |&open| {
            let Some(d) = dialog.cast::<HtmlDialogElement>() else {
                return;
            };
            if open && !d.open() {
                *opener.borrow_mut() = browser::focused();
                let _ = d.show_modal();
                if let Some(c) = cancel.cast::<HtmlElement>() {
                    let _ = c.focus();
                }
            } else if !open && d.open() {
                d.close();
                browser::restore_focus(opener.borrow_mut().take().as_ref(), &fallback);
            }
        });
    }
    // Escape: the browser's `cancel`; the dialog closes when the state says so.
    let oncancel = props.on_cancel.reform(|e: Event| e.prevent_default());
    let onkeydown = {
        let (confirm, cancel) = (confirm.clone(), cancel.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" {
                return;
            }
            // The two buttons, in Tab order; focus wraps from one end to the other.
            let (first, last) = (confirm.cast::<HtmlElement>(), cancel.cast::<HtmlElement>());
            let active = browser::focused();
            let (leaving, wrap_to) = if e.shift_key() {
                (&first, &last)
            } else {
                (&last, &first)
            };
            if active.is_none() || active == *leaving {
                e.prevent_default();
                if let Some(target) = wrap_to {
                    let _ = target.focus();
                }
            }
        })
    };
    html! {
        <dialog ref={dialog} class="confirm-dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="confirm-dialog-question" data-testid="confirm-dialog"
                {oncancel} {onkeydown}>
            <p id="confirm-dialog-question" class="confirm-question">{ props.question.clone() }</p>
            <div class="actions">
                <button ref={confirm} type="button" class="danger" data-testid="confirm-delete"
                        onclick={props.on_confirm.reform(|_| ())}>
                    { props.confirm_label.clone() }
                </button>
                <button ref={cancel} type="button" class="secondary" data-testid="confirm-cancel"
                        onclick={props.on_cancel.reform(|_| ())}>
                    { t(locale, "ui-cancel") }
                </button>
            </div>
        </dialog>
    }
}

/// The `on_confirm` of a list's "delete this row?" dialog: deletes the row `pending`
/// (the one waiting for confirmation), if any.
pub fn delete_pending(on_delete: &Callback<i64>, pending: Option<i64>) -> Callback<()> {
    let on_delete = on_delete.clone();
    Callback::from(move |()| {
        if let Some(id) = pending {
            on_delete.emit(id);
        }
    })
}
