//! Typed builders: a writer scope per attribute set.
//!
//! A [`Scope`] for set `S` accepts only `S`'s values: one method per
//! attribute, generated from the set's table (`scope.oif(2)?.table(100)?`),
//! a closure per nest (begun, filled, ended — or dropped whole on error),
//! and a [`Choose`]r per selected payload that writes the selector and the
//! payload together, so that they cannot disagree. Nothing allocates:
//! payloads are borrowed and the bytes go straight into the writer's buffer.

use core::marker::PhantomData;

use super::SelectorKey;
use crate::wire::{Buffer, ByteOrder, EncodeError, Writer};

/// A writer scope for attribute set `S` (`S` is the set's enum with the
/// `'static` lifetime, e.g. `Scope<'_, B, O, RouteAttr<'static, O>>`).
#[derive(Debug)]
pub struct Scope<'w, B: Buffer, O: ByteOrder, S: ?Sized> {
    w: &'w mut Writer<B, O>,
    /// Whether the nests this scope writes are flagged `NLA_F_NESTED`.
    flag_nests: bool,
    _set: PhantomData<fn(&S)>,
}

impl<'w, B: Buffer, O: ByteOrder, S: ?Sized> Scope<'w, B, O, S> {
    /// A scope writing set `S`'s attributes at the writer's position.
    pub fn new(w: &'w mut Writer<B, O>) -> Self {
        Scope { w, flag_nests: true, _set: PhantomData }
    }
    /// Whether the nests this scope writes from here on are flagged
    /// `NLA_F_NESTED` (the default; the kernel takes either, and older
    /// tools write some without it). A nest's own scope starts flagged.
    pub fn nests_flagged(&mut self, on: bool) -> &mut Self {
        self.flag_nests = on;
        self
    }
    /// Whether the nests this scope writes are flagged `NLA_F_NESTED`.
    pub(crate) fn flags_nests(&self) -> bool {
        self.flag_nests
    }
    /// The writer under the scope (for a builder written beside a
    /// family's table, or a caller's own attributes between typed ones).
    pub fn writer(&mut self) -> &mut Writer<B, O> {
        self.w
    }
    /// Writes nest `id` (with `NLA_F_NESTED` unless
    /// [`nests_flagged`](Self::nests_flagged) turned it off), filled by `f`
    /// in set `T`.
    pub(crate) fn nest_scope<T: ?Sized>(
        &mut self,
        id: u16,
        f: impl FnOnce(&mut Scope<'_, B, O, T>) -> Result<(), EncodeError>,
    ) -> Result<(), EncodeError> {
        self.w.nest(id, self.flag_nests, |w| f(&mut Scope::new(w)))
    }
    /// Bytes written so far in the whole buffer.
    pub fn len(&self) -> usize {
        self.w.len()
    }
    /// Whether the buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.w.is_empty()
    }
}

/// What a [`Choose`]r writes between the selector and the payload.
type Between<'w, B, O> = &'w mut dyn FnMut(&mut Writer<B, O>) -> Result<(), EncodeError>;

/// Picks the kind of a selected payload (`RTA_ENCAP`): each kind's method
/// writes the selector attribute and the payload, whole or not at all.
///
/// By default the payload nest is flagged `NLA_F_NESTED` and follows its
/// selector at once; [`unflagged`](Choose::unflagged) and
/// [`between`](Choose::between) write it as older tools do (tc writes a
/// qdisc's `TCA_KIND`, then its blocks, then an unflagged `TCA_OPTIONS`).
pub struct Choose<'w, B: Buffer, O: ByteOrder, S: ?Sized> {
    w: &'w mut Writer<B, O>,
    id: u16,
    /// The selector attribute, when not the table's own (an alias's).
    sel: Option<u16>,
    /// Whether a payload nest is flagged `NLA_F_NESTED`.
    flagged: bool,
    /// What goes between the selector and the payload.
    mid: Option<Between<'w, B, O>>,
    _sel: PhantomData<fn(&S)>,
}

impl<B: Buffer, O: ByteOrder, S: ?Sized> core::fmt::Debug for Choose<'_, B, O, S> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Choose")
            .field("id", &self.id)
            .field("sel", &self.sel)
            .field("flagged", &self.flagged)
            .field("between", &self.mid.is_some())
            .finish()
    }
}

impl<'w, B: Buffer, O: ByteOrder, S: ?Sized> Choose<'w, B, O, S> {
    /// A chooser for the payload attribute `id`.
    pub(crate) fn new(w: &'w mut Writer<B, O>, id: u16) -> Self {
        Choose { w, id, sel: None, flagged: true, mid: None, _sel: PhantomData }
    }
    /// Writes a nest payload without `NLA_F_NESTED` (as tc writes most
    /// `TCA_OPTIONS`; the kernel takes either).
    pub fn unflagged(mut self) -> Self {
        self.flagged = false;
        self
    }
    /// Has `f` write its attributes after the selector and before the
    /// payload (all of it undone with the payload on error). A payload
    /// without a selector attribute has them before it.
    pub fn between(mut self, f: Between<'w, B, O>) -> Self {
        self.mid = Some(f);
        self
    }
    /// The same payload attribute chosen among table `T`'s kinds, with
    /// `sel` as the selector attribute (an alias of `T` selected by
    /// another sibling).
    pub(crate) fn with_selector<T: ?Sized>(self, sel: u16) -> Choose<'w, B, O, T> {
        Choose { w: self.w, id: self.id, sel: Some(sel), flagged: self.flagged, mid: self.mid, _sel: PhantomData }
    }
    /// The selector attribute to write: an alias's, else `own`.
    pub(crate) fn selector(&self, own: u16) -> u16 {
        self.sel.unwrap_or(own)
    }
    /// Writes the selector (`sel` = `key`, if one), what goes
    /// [`between`](Choose::between), then what `payload` writes (given the
    /// payload's attribute id and whether to flag a nest): all or nothing.
    fn framed<'k, K: SelectorKey<'k, O>>(
        self,
        sel: Option<(u16, K)>,
        payload: impl FnOnce(&mut Writer<B, O>, u16, bool) -> Result<(), EncodeError>,
    ) -> Result<(), EncodeError> {
        let (id, flagged, mut mid) = (self.id, self.flagged, self.mid);
        self.w.all_or_nothing(|w| {
            if let Some((sel, key)) = sel {
                key.write(sel, w)?;
            }
            if let Some(m) = mid.as_mut() {
                m(w)?;
            }
            payload(w, id, flagged)
        })
    }
    /// Writes the payload nest filled by `f` (a context-selected payload has
    /// no selector attribute; the route family has none of those yet).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn write_nest<T: ?Sized>(
        self,
        f: impl FnOnce(&mut Scope<'_, B, O, T>) -> Result<(), EncodeError>,
    ) -> Result<(), EncodeError> {
        self.framed(None::<(u16, u16)>, |w, id, flagged| w.nest(id, flagged, |w| f(&mut Scope::new(w))))
    }
    /// Writes selector `sel` = `key` (if an attribute selects), then the
    /// payload `v` (a kind whose payload is not a nest).
    pub(crate) fn write_value<'k, 'p, K: SelectorKey<'k, O>, P: super::AttrPayload<'p, O>>(
        self,
        sel: Option<u16>,
        key: K,
        v: &P,
    ) -> Result<(), EncodeError> {
        self.framed(sel.map(|s| (s, key)), |w, id, _| v.emit(id, w))
    }
    /// Writes selector `sel` = `key`, then a payload of struct `head`
    /// followed by the attributes `f` writes in set `T` (netem's options).
    pub(crate) fn write_struct_then<
        'k,
        K: SelectorKey<'k, O>,
        H: zerocopy::IntoBytes + zerocopy::Immutable,
        T: ?Sized,
    >(
        self,
        sel: u16,
        key: K,
        head: &H,
        f: impl FnOnce(&mut Scope<'_, B, O, T>) -> Result<(), EncodeError>,
    ) -> Result<(), EncodeError> {
        self.framed(Some((sel, key)), |w, id, flagged| {
            w.nest(id, flagged, |w| {
                w.bytes_padded(head.as_bytes())?;
                f(&mut Scope::new(w))
            })
        })
    }
    /// Writes selector `sel` = `key`, then the payload nest filled by `f`.
    pub(crate) fn write<'k, K: SelectorKey<'k, O>, T: ?Sized>(
        self,
        sel: u16,
        key: K,
        f: impl FnOnce(&mut Scope<'_, B, O, T>) -> Result<(), EncodeError>,
    ) -> Result<(), EncodeError> {
        self.framed(Some((sel, key)), |w, id, flagged| w.nest(id, flagged, |w| f(&mut Scope::new(w))))
    }
}
