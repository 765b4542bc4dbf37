//! The table macros. Each attribute set, struct, named-value type and
//! selection is declared once, and that declaration drives decoding,
//! encoding, the builders, kernel names, rendering (JSON and serde) and
//! `Debug`.

/// `serde::Serialize` through [`Render`](crate::wire::visit::Render) (the one
/// rendering path), when the `serde` feature is on.
macro_rules! serde_via_render {
    (impl[$($g:tt)*] $t:ty) => {
        #[cfg(feature = "serde")]
        impl<$($g)*> serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::serde_impls::serialize(self, s)
            }
        }
    };
}

/// Declares an attribute set: an enum over its attributes plus the kernel
/// constants (`pub const RTA_DST: u16 = 1;`), an
/// [`AttrSet`](crate::typed::AttrSet) implementation, and the typed builder
/// methods on [`Scope`](crate::typed::Scope).
///
/// A row is `ID KERNEL_NAME builder_name => Variant(PayloadType) [KIND]`,
/// where KIND says how the builder writes it: nothing (a value), `nest
/// InnerSet` (a closure filling the nested set), `select Selection` (a
/// chooser that writes the selector and the selected payload together), or
/// `custom` (a builder written by hand beside the table).
macro_rules! attr_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $id:literal $kname:ident $snake:ident => $variant:ident($ty:ty) $($build:ident $($bset:ident)?)?,
            )*
        }
    ) => {
        $(
            #[doc = concat!("`", stringify!($kname), "`, attribute id ", stringify!($id), " of [`", stringify!($name), "`].")]
            pub const $kname: u16 = $id;
        )*

        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        $vis enum $name<'a, O: $crate::wire::ByteOrder = $crate::wire::NativeEndian> {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\n`", stringify!($kname), "` (", stringify!($id), ").")]
                $variant($ty),
            )*
            /// An attribute id this version does not know, kept verbatim.
            Unknown($crate::wire::Attr<'a, O>),
            /// A known attribute whose payload did not decode, kept verbatim
            /// with the reason (and re-encoded as received).
            Invalid($crate::wire::Attr<'a, O>, $crate::wire::DecodeError),
        }

        impl<'a, O: $crate::wire::ByteOrder> $name<'a, O> {
            /// Every attribute of the set: `(id, kernel name)`.
            pub const NAMES: &'static [(u16, &'static str)] = &[$(($id, stringify!($kname))),*];

            /// The attribute id (`nla_type` without flag bits).
            pub fn id(&self) -> u16 {
                match self {
                    $(Self::$variant(_) => $id,)*
                    Self::Unknown(a) | Self::Invalid(a, _) => a.id(),
                }
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::wire::visit::Render for $name<'a, O> {
            /// A `[name, value]` pair; an unknown attribute is `[id, "hex"]`.
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                #[allow(unused_imports)]
                use $crate::wire::visit::{AttrName, Pair};
                match self {
                    $(Self::$variant(x) => Pair(AttrName::Known(stringify!($kname)), x).render(r),)*
                    Self::Unknown(a) | Self::Invalid(a, _) => $crate::typed::render_raw::<O, Self, R>(a, r),
                }
            }
        }

        serde_via_render!(impl['a, O: $crate::wire::ByteOrder] $name<'a, O>);

        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::AttrSet<'a, O> for $name<'a, O> {
            fn name_of(id: u16) -> Option<&'static str> {
                match id {
                    $($id => Some(stringify!($kname)),)*
                    _ => None,
                }
            }

            // always inlined in optimised builds: a decoded attribute is
            // large, and a call returns it through memory (3x the work of a
            // dump callback); not in debug builds, whose unoptimised frames
            // would then outgrow the stack bound that tests/depth.rs checks
            #[cfg_attr(debug_assertions, inline)]
            #[cfg_attr(not(debug_assertions), inline(always))]
            // a set without attributes ignores its arguments
            #[allow(unused_variables)]
            fn decode(attr: $crate::wire::Attr<'a, O>, ctx: &$crate::typed::Ctx<'a>) -> Self {
                #[allow(unused_imports)]
                use $crate::typed::AttrPayload;
                match attr.id() {
                    $(
                        $id => {
                            if !<$ty as AttrPayload<'a, O>>::NESTED && attr.flag_bits() != 0 {
                                let e = $crate::wire::DecodeError::new(
                                    attr.offset(),
                                    $crate::wire::DecodeErrorKind::UnexpectedFlags(attr.raw_type()),
                                );
                                return Self::Invalid(attr, e.within(ctx.path_to($id)));
                            }
                            match <$ty as AttrPayload<'a, O>>::decode(&attr, ctx) {
                                Ok(v) => Self::$variant(v),
                                Err(e) => Self::Invalid(attr, e.within(ctx.path_to($id))),
                            }
                        }
                    )*
                    id if ctx.is_strict() => {
                        let e = $crate::wire::DecodeError::new(
                            attr.offset(),
                            $crate::wire::DecodeErrorKind::UnknownAttr(id),
                        );
                        Self::Invalid(attr, e.within(ctx.path_to(id)))
                    }
                    _ => Self::Unknown(attr),
                }
            }

            fn emit<B: $crate::wire::Buffer>(
                &self,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                #[allow(unused_imports)]
                use $crate::typed::AttrPayload;
                match self {
                    $(Self::$variant(v) => <$ty as AttrPayload<'a, O>>::emit(v, $id, w),)*
                    Self::Unknown(a) | Self::Invalid(a, _) => w.attr(a.raw_type(), a.payload()),
                }
            }

            fn error(&self) -> Option<$crate::wire::DecodeError> {
                #[allow(unused_imports)]
                use $crate::typed::AttrPayload;
                match self {
                    $(Self::$variant(x) => <$ty as AttrPayload<'a, O>>::first_error(x),)*
                    Self::Unknown(_) => None,
                    Self::Invalid(_, e) => Some(*e),
                }
            }

            fn id(&self) -> u16 {
                $name::id(self)
            }

            // a set without attributes ignores its arguments
            #[allow(unused_variables)]
            fn locate_in(&self, offset: usize, f: &mut dyn FnMut($crate::typed::PathName)) {
                #[allow(unused_imports)]
                use $crate::typed::AttrPayload;
                match self {
                    $(Self::$variant(x) => <$ty as AttrPayload<'a, O>>::locate(x, offset, f),)*
                    Self::Unknown(_) | Self::Invalid(..) => {}
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::gen::ArbitrarySet<O> for $name<'a, O> {
            // a set without attributes ignores its arguments
            #[allow(unused_variables)]
            fn arbitrary_attrs<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                g: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                #[allow(unused_imports)]
                use $crate::typed::gen::ArbitraryPayload;
                const IDS: &[u16] = &[$($id),*];
                if IDS.is_empty() {
                    return Ok(());
                }
                let mut seen = $crate::typed::gen::Seen::default();
                let n = u.int_in_range(0..=6)?;
                for _ in 0..n {
                    let id = *u.choose(IDS)?;
                    if seen.has(id) {
                        continue;
                    }
                    match id {
                        $( $id => { gen_row!(u, g, w, seen, $id, ($ty) $($build $($bset)?)?); } )*
                        _ => {}
                    }
                    seen.add(id);
                }
                Ok(())
            }
        }

        impl<'w, B: $crate::wire::Buffer, O: $crate::wire::ByteOrder> $crate::typed::Scope<'w, B, O, $name<'static, O>> {
            /// Writes any attribute of the set (a decoded one, say).
            pub fn put<'a>(&mut self, a: &$name<'a, O>) -> Result<&mut Self, $crate::wire::EncodeError> {
                $crate::typed::AttrSet::emit(a, self.writer())?;
                Ok(self)
            }
            $(
                builder_method!($kname $snake ($ty) $($build $($bset)?)?);
            )*
        }
    };
}

/// One builder method of an [`attr_set!`] row.
macro_rules! builder_method {
    ($kname:ident $snake:ident ($ty:ty)) => {
        #[doc = concat!("Writes `", stringify!($kname), "`.")]
        #[allow(clippy::extra_unused_lifetimes)]
        pub fn $snake<'a>(&mut self, v: $ty) -> Result<&mut Self, $crate::wire::EncodeError> {
            <$ty as $crate::typed::AttrPayload<'a, O>>::emit(&v, $kname, self.writer())?;
            Ok(self)
        }
    };
    ($kname:ident $snake:ident ($ty:ty) nest $inner:ident) => {
        #[doc = concat!("Writes the nest `", stringify!($kname), "`: `f` fills it; on error nothing of it is left.")]
        pub fn $snake(
            &mut self,
            f: impl FnOnce(&mut $crate::typed::Scope<'_, B, O, $inner<'static, O>>) -> Result<(), $crate::wire::EncodeError>,
        ) -> Result<&mut Self, $crate::wire::EncodeError> {
            self.nest_scope($kname, f)?;
            Ok(self)
        }
    };
    ($kname:ident $snake:ident ($ty:ty) select $sel:ident) => {
        #[doc = concat!("Writes `", stringify!($kname), "` and its selector together: pick the kind on the chooser.")]
        pub fn $snake(&mut self) -> $crate::typed::Choose<'_, B, O, $sel<'static, O>> {
            $crate::typed::Choose::new(self.writer(), $kname)
        }
    };
    ($kname:ident $snake:ident ($ty:ty) custom) => {};
}

/// One generated row of an [`attr_set!`] table (feature `arbitrary`).
#[allow(unused_macros)]
macro_rules! gen_row {
    ($u:ident, $g:ident, $w:ident, $seen:ident, $id:literal, ($ty:ty) select $sel:ident) => {
        match <$sel<'a, O>>::SELECTOR {
            Some(s) if $seen.has(s) => {}
            s => {
                <$sel<'a, O>>::arbitrary_selected($u, $id, $g, $w)?;
                if let Some(s) = s {
                    $seen.add(s);
                }
            }
        }
    };
    ($u:ident, $g:ident, $w:ident, $seen:ident, $id:literal, ($ty:ty) $($rest:tt)*) => {
        <$ty as ArbitraryPayload<O>>::arbitrary_attr($u, $id, $g, $w)?
    };
}

/// The key types of [`select_table!`]: `str` kinds are `&'a str` in the
/// enum and `&'static str` in constants.
macro_rules! sel_ty {
    (enum str) => { &'a str };
    (const str) => { &'static str };
    (enum $t:ident) => { $t };
    (const $t:ident) => { $t };
}

/// The payload type of a [`select_table!`] row: `(Set)` is a nest of
/// `Set`, `[Type]` any payload type (a struct, a struct followed by
/// attributes).
macro_rules! sel_payload {
    ($l:lifetime, $o:ident, ($set:ident)) => { $crate::typed::Nest<$l, $o, $set<$l, $o>> };
    ($l:lifetime, $o:ident, [$t:ty]) => { $t };
}

/// The chooser method of one [`select_table!`] row: a closure filling a
/// nest, or a value for a `[Type]` row.
macro_rules! sel_choose_method {
    (table ($src:ident $sel:ident $key:ident $kval:literal) $kname:ident $snake:ident ($set:ident)) => {
        #[doc = concat!("Kind `", stringify!($kname), "`: writes the selector (if an attribute selects), then the payload that `f` fills.")]
        pub fn $snake(
            self,
            f: impl FnOnce(&mut $crate::typed::Scope<'_, B, O, $set<'static, O>>) -> Result<(), $crate::wire::EncodeError>,
        ) -> Result<(), $crate::wire::EncodeError> {
            select_table!(@write $src $sel $key, self, $kval, f)
        }
    };
    (table ($src:ident $sel:ident $key:ident $kval:literal) $kname:ident $snake:ident [$t:ty]) => {
        #[doc = concat!("Kind `", stringify!($kname), "`: writes the selector (if an attribute selects), then the payload `v`.")]
        #[allow(clippy::extra_unused_lifetimes)]
        pub fn $snake<'a>(self, v: $t) -> Result<(), $crate::wire::EncodeError> {
            select_table!(@write_value $src $sel $key, self, $kval, &v)
        }
    };
    (alias $asel:ident $kname:ident $snake:ident ($set:ident)) => {
        #[doc = concat!("Kind `", stringify!($kname), "`: writes `", stringify!($asel), "`, then the payload that `f` fills.")]
        pub fn $snake(
            self,
            f: impl FnOnce(&mut $crate::typed::Scope<'_, B, O, $set<'static, O>>) -> Result<(), $crate::wire::EncodeError>,
        ) -> Result<(), $crate::wire::EncodeError> {
            self.into_table().$snake(f)
        }
    };
    (alias $asel:ident $kname:ident $snake:ident [$t:ty]) => {
        #[doc = concat!("Kind `", stringify!($kname), "`: writes `", stringify!($asel), "`, then the payload `v`.")]
        #[allow(clippy::extra_unused_lifetimes)]
        pub fn $snake<'a>(self, v: $t) -> Result<(), $crate::wire::EncodeError> {
            self.into_table().$snake(v)
        }
    };
}

/// Declares a payload selected by something outside it: a sibling
/// attribute (`by sibling RTA_ENCAP_TYPE: u16`, `by sibling IFLA_INFO_KIND:
/// str`), looked up among the payload's siblings before or after it, or a
/// field of the context (`by ctx family: u8`, `by ctx msg_type: u16`). One
/// variant per kind, each a nested set, and a lossless raw fallback for
/// kinds this version does not know.
///
/// A row is `KIND KERNEL_NAME builder_name => Variant(InnerSet)`.
macro_rules! select_table {
    (@key sibling $sel:ident $key:ident, $attr:ident, $ctx:ident) => {{
        let Some(sel) = $ctx.sibling::<O>($sel) else {
            return Err($crate::wire::DecodeError::new(
                $attr.offset(),
                $crate::wire::DecodeErrorKind::MissingSelector($sel),
            ));
        };
        <sel_ty!(enum $key) as $crate::typed::SelectorKey<'a, O>>::read(&sel)?
    }};
    (@key ctx $sel:ident $key:ident, $attr:ident, $ctx:ident) => {
        $ctx.$sel
    };
    (@key parent $sel:ident $key:ident, $attr:ident, $ctx:ident) => {{
        let Some(sel) = $ctx.parent_sibling::<O>($sel) else {
            return Err($crate::wire::DecodeError::new(
                $attr.offset(),
                $crate::wire::DecodeErrorKind::MissingSelector($sel),
            ));
        };
        <sel_ty!(enum $key) as $crate::typed::SelectorKey<'a, O>>::read(&sel)?
    }};
    (@selector sibling $sel:ident) => { Some($sel) };
    (@selector ctx $sel:ident) => { None };
    (@selector parent $sel:ident) => { None };
    (@write sibling $sel:ident $key:ident, $chooser:expr, $kval:expr, $f:expr) => {{
        let sel = $chooser.selector($sel);
        $chooser.write::<sel_ty!(const $key), _>(sel, $kval, $f)
    }};
    (@write ctx $sel:ident $key:ident, $chooser:expr, $kval:expr, $f:expr) => {{
        let _ = $kval;
        $chooser.write_nest($f)
    }};
    (@write parent $sel:ident $key:ident, $chooser:expr, $kval:expr, $f:expr) => {{
        // the selector lies in the parent nest: the caller writes it there
        let _ = $kval;
        $chooser.write_nest($f)
    }};
    (@write_value sibling $sel:ident $key:ident, $chooser:expr, $kval:expr, $v:expr) => {{
        let sel = $chooser.selector($sel);
        $chooser.write_value::<sel_ty!(const $key), _>(Some(sel), $kval, $v)
    }};
    (@write_value $src:ident $sel:ident $key:ident, $chooser:expr, $kval:expr, $v:expr) => {{
        $chooser.write_value::<sel_ty!(const $key), _>(None, $kval, $v)
    }};
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident by $src:ident $sel:ident: $key:ident {
            $(
                $(#[$vmeta:meta])*
                $kval:literal $kname:ident $snake:ident => $variant:ident $body:tt,
            )*
        }
        $(#[$ameta:meta])*
        also $avis:vis struct $alias:ident by sibling $asel:ident;
    ) => {
        select_table! {
            $(#[$meta])*
            $vis enum $name by $src $sel: $key {
                $(
                    $(#[$vmeta])*
                    $kval $kname $snake => $variant $body,
                )*
            }
        }

        $(#[$ameta])*
        #[derive(Debug, Clone, PartialEq)]
        $avis struct $alias<'a, O: $crate::wire::ByteOrder = $crate::wire::NativeEndian>(pub $name<'a, O>);

        impl<'a, O: $crate::wire::ByteOrder> $alias<'a, O> {
            /// The selector attribute's id.
            pub const SELECTOR: Option<u16> = Some($asel);
            /// The selected payload (the same kinds as the table's).
            pub fn get(&self) -> &$name<'a, O> {
                &self.0
            }
            /// Writes the selector `$asel` (an arbitrary known kind) and the
            /// payload attribute `id` of that kind.
            #[cfg(feature = "arbitrary")]
            pub fn arbitrary_selected<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                g: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                <$name<'a, O>>::arbitrary_with(u, id, Self::SELECTOR, g, w)
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::AttrPayload<'a, O> for $alias<'a, O> {
            const NESTED: bool = true;
            fn decode(
                attr: &$crate::wire::Attr<'a, O>,
                ctx: &$crate::typed::Ctx<'a>,
            ) -> Result<Self, $crate::wire::DecodeError> {
                let key = select_table!(@key sibling $asel $key, attr, ctx);
                <$name<'a, O>>::decode_kind(key, attr, ctx).map($alias)
            }
            fn emit<B: $crate::wire::Buffer>(
                &self,
                id: u16,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                self.0.emit(id, w)
            }
            fn first_error(&self) -> Option<$crate::wire::DecodeError> {
                self.0.first_error()
            }
            fn locate(&self, offset: usize, f: &mut dyn FnMut($crate::typed::PathName)) {
                self.0.locate(offset, f)
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::wire::visit::Render for $alias<'a, O> {
            /// As the table renders.
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                self.0.render(r)
            }
        }

        serde_via_render!(impl['a, O: $crate::wire::ByteOrder] $alias<'a, O>);

        impl<'w, B: $crate::wire::Buffer, O: $crate::wire::ByteOrder> $crate::typed::Choose<'w, B, O, $alias<'static, O>> {
            #[doc = concat!("The chooser of [`", stringify!($name), "`]'s kinds, each writing `", stringify!($asel), "` as its selector (one writer of a kind serves both attributes).")]
            pub fn into_table(self) -> $crate::typed::Choose<'w, B, O, $name<'static, O>> {
                self.with_selector($asel)
            }
            $(
                sel_choose_method!(alias $asel $kname $snake $body);
            )*
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident by $src:ident $sel:ident: $key:ident {
            $(
                $(#[$vmeta:meta])*
                $kval:literal $kname:ident $snake:ident => $variant:ident $body:tt,
            )*
        }
    ) => {
        $(
            #[doc = concat!("`", stringify!($kname), "` (", stringify!($kval), "), a kind of [`", stringify!($name), "`].")]
            pub const $kname: sel_ty!(const $key) = $kval;
        )*

        $(#[$meta])*
        #[non_exhaustive]
        $vis enum $name<'a, O: $crate::wire::ByteOrder = $crate::wire::NativeEndian> {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nKind `", stringify!($kname), "` (", stringify!($kval), ").")]
                $variant(sel_payload!('a, O, $body)),
            )*
            /// A kind this version does not know: the kind and the payload,
            /// kept as bytes.
            Unknown(<$key as $crate::typed::KeyKind>::Of<'a>, $crate::typed::RawNest<'a>),
        }

        // written out, not derived: a row's payload type comes from a macro
        impl<'a, O: $crate::wire::ByteOrder> Clone for $name<'a, O> {
            fn clone(&self) -> Self {
                match self {
                    $(Self::$variant(x) => Self::$variant(x.clone()),)*
                    Self::Unknown(k, r) => Self::Unknown(*k, *r),
                }
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> PartialEq for $name<'a, O> {
            fn eq(&self, other: &Self) -> bool {
                match (self, other) {
                    $((Self::$variant(a), Self::$variant(b)) => a == b,)*
                    (Self::Unknown(k, r), Self::Unknown(l, q)) => k == l && r == q,
                    #[allow(unreachable_patterns)]
                    _ => false,
                }
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> core::fmt::Debug for $name<'a, O> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self {
                    $(Self::$variant(x) => f.debug_tuple(stringify!($variant)).field(x).finish(),)*
                    Self::Unknown(k, r) => f.debug_tuple("Unknown").field(k).field(r).finish(),
                }
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $name<'a, O> {
            /// Every kind: `(value, kernel name)`.
            pub const KINDS: &'static [(sel_ty!(const $key), &'static str)] = &[$(($kval, stringify!($kname))),*];
            /// The selector attribute's id (`None` when the context selects).
            pub const SELECTOR: Option<u16> = select_table!(@selector $src $sel);

            /// The kind.
            pub fn kind(&self) -> sel_ty!(enum $key) {
                match self {
                    $(Self::$variant(_) => $kval,)*
                    Self::Unknown(k, _) => *k,
                }
            }
            /// The kernel name of kind `k`.
            pub fn kind_name(k: sel_ty!(enum $key)) -> Option<&'static str> {
                Self::KINDS.iter().find(|(v, _)| *v == k).map(|(_, n)| *n)
            }
            /// Decodes `attr` as kind `key` (however the kind was found).
            pub fn decode_kind(
                key: sel_ty!(enum $key),
                attr: &$crate::wire::Attr<'a, O>,
                ctx: &$crate::typed::Ctx<'a>,
            ) -> Result<Self, $crate::wire::DecodeError> {
                use $crate::typed::AttrPayload;
                match key {
                    $($kval => AttrPayload::decode(attr, ctx).map(Self::$variant),)*
                    _ if ctx.is_strict() => Err($crate::wire::DecodeError::new(
                        attr.offset(),
                        $crate::wire::DecodeErrorKind::UnknownKind,
                    )),
                    k => AttrPayload::decode(attr, ctx).map(|r| Self::Unknown(k, r)),
                }
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::AttrPayload<'a, O> for $name<'a, O> {
            const NESTED: bool = true;
            fn decode(
                attr: &$crate::wire::Attr<'a, O>,
                ctx: &$crate::typed::Ctx<'a>,
            ) -> Result<Self, $crate::wire::DecodeError> {
                let key = select_table!(@key $src $sel $key, attr, ctx);
                Self::decode_kind(key, attr, ctx)
            }
            fn emit<B: $crate::wire::Buffer>(
                &self,
                id: u16,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                use $crate::typed::AttrPayload;
                match self {
                    $(Self::$variant(n) => n.emit(id, w),)*
                    Self::Unknown(_, r) => AttrPayload::<'a, O>::emit(r, id, w),
                }
            }
            fn first_error(&self) -> Option<$crate::wire::DecodeError> {
                match self {
                    $(Self::$variant(n) => $crate::typed::AttrPayload::<'a, O>::first_error(n),)*
                    Self::Unknown(..) => None,
                }
            }
            fn locate(&self, offset: usize, f: &mut dyn FnMut($crate::typed::PathName)) {
                match self {
                    $(Self::$variant(n) => $crate::typed::AttrPayload::<'a, O>::locate(n, offset, f),)*
                    Self::Unknown(..) => {}
                }
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<'a, O: $crate::wire::ByteOrder> $name<'a, O> {
            /// Writes the selector (an arbitrary known kind) and payload
            /// attribute `id` of that kind; for a table selected by the
            /// context, the payload of the kind the context selects (if it
            /// is known), with no selector.
            pub fn arbitrary_selected<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                g: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                Self::arbitrary_with(u, id, Self::SELECTOR, g, w)
            }
            /// [`Self::arbitrary_selected`] with selector attribute `sel`
            /// (the table's own, or an alias's).
            pub fn arbitrary_with<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                sel: Option<u16>,
                g: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                #[allow(unused_imports)]
                use $crate::typed::gen::{ArbitraryPayload, enc};
                #[allow(unused_imports)]
                use $crate::typed::SelectorKey;
                let (kind, _) = *u.choose(Self::KINDS)?;
                w.all_or_nothing(|w| {
                    // the selector before or after its payload, as kernels differ
                    let after: bool = u.arbitrary()?;
                    if let (Some(s), false) = (sel, after) {
                        enc(SelectorKey::<'_, O>::write(kind, s, w))?;
                    }
                    let kind = if sel.is_none() { gen_ctx_key!(g, $sel, kind) } else { kind };
                    match kind {
                        $($kval => <sel_payload!('a, O, $body) as ArbitraryPayload<O>>::arbitrary_attr(u, id, g, w)?,)*
                        _ => {}
                    }
                    if let (Some(s), true) = (sel, after) {
                        enc(SelectorKey::<'_, O>::write(kind, s, w))?;
                    }
                    Ok(())
                })
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::wire::visit::Render for $name<'a, O> {
            /// The selected set's attributes (hex for an unknown kind).
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                match self {
                    $(Self::$variant(n) => n.render(r),)*
                    Self::Unknown(_, raw) => raw.render(r),
                }
            }
        }

        serde_via_render!(impl['a, O: $crate::wire::ByteOrder] $name<'a, O>);

        impl<'w, B: $crate::wire::Buffer, O: $crate::wire::ByteOrder> $crate::typed::Choose<'w, B, O, $name<'static, O>> {
            $(
                sel_choose_method!(table ($src $sel $key $kval) $kname $snake $body);
            )*
        }
    };
}

/// The kind a context-selected table takes in generation: the generator's
/// family for `family`, else the drawn kind.
#[allow(unused_macros)]
macro_rules! gen_ctx_key {
    ($g:ident, family, $kind:ident) => {
        $g.family
    };
    ($g:ident, $other:ident, $kind:ident) => {
        $kind
    };
}

/// Declares a newtype over an integer whose values have kernel names
/// (`RTN_UNICAST`) and short names (`unicast`, as `ip` prints them), keeping
/// any number.
/// The impls a newtype over an integer needs to be an attribute payload
/// (decoded, encoded, generated and rendered as its integer), and `From`
/// the integer: shared by [`named_values!`] and [`named_flags!`].
macro_rules! int_newtype_payload {
    ($name:ident($int:ty)) => {
        impl $crate::wire::visit::Render for $name {
            /// The number, as in the kernel's header.
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                $crate::wire::visit::Render::render(&self.0, r)
            }
        }

        serde_via_render!(impl[] $name);

        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::AttrPayload<'a, O> for $name {
            fn decode(
                attr: &$crate::wire::Attr<'a, O>,
                ctx: &$crate::typed::Ctx<'a>,
            ) -> Result<Self, $crate::wire::DecodeError> {
                <$int as $crate::typed::AttrPayload<'a, O>>::decode(attr, ctx).map(Self)
            }
            fn emit<B: $crate::wire::Buffer>(
                &self,
                id: u16,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                <$int as $crate::typed::AttrPayload<'a, O>>::emit(&self.0, id, w)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<O: $crate::wire::ByteOrder> $crate::typed::gen::ArbitraryPayload<O> for $name {
            fn arbitrary_attr<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                g: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                <$int as $crate::typed::gen::ArbitraryPayload<O>>::arbitrary_attr(u, id, g, w)
            }
        }

        impl From<$int> for $name {
            fn from(v: $int) -> Self {
                Self(v)
            }
        }
    };
}

macro_rules! named_values {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($int:ty) {
            $( $(#[$vmeta:meta])* $const:ident = $val:literal, $kname:literal, $short:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        $vis struct $name(pub $int);

        #[cfg(feature = "arbitrary")]
        impl<'u> arbitrary::Arbitrary<'u> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'u>) -> arbitrary::Result<Self> {
                <$int as arbitrary::Arbitrary<'u>>::arbitrary(u).map(Self)
            }
        }

        impl $name {
            $(
                #[doc = concat!("`", $kname, "` (", stringify!($val), ")")]
                pub const $const: Self = Self($val);
            )*
            /// Every named value: `(value, kernel name, short name)`.
            pub const ALL: &'static [($int, &'static str, &'static str)] = &[$(($val, $kname, $short)),*];

            /// The kernel constant's name, if the value has one.
            pub fn kernel_name(self) -> Option<&'static str> {
                match self.0 {
                    $($val => Some($kname),)*
                    _ => None,
                }
            }
            /// The short name `ip` uses, if the value has one.
            pub fn short_name(self) -> Option<&'static str> {
                match self.0 {
                    $($val => Some($short),)*
                    _ => None,
                }
            }
            /// Looks up a short name (`"unicast"`) or kernel name
            /// (`"RTN_UNICAST"`), or parses a number.
            pub fn from_name(s: &str) -> Option<Self> {
                $(if s == $short || s == $kname { return Some(Self($val)); })*
                s.parse::<$int>().ok().map(Self)
            }
        }

        int_newtype_payload!($name($int));

        impl core::fmt::Display for $name {
            /// The short name, or the number.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.short_name() {
                    Some(s) => f.write_str(s),
                    None => write!(f, "{}", self.0),
                }
            }
        }
    };
}

/// Declares a set of flag bits (`IFF_*`, `NUD_*`, …): a newtype over the
/// integer keeping unknown bits, a constant per bit, `NAMES` (bit, kernel
/// name, the word iproute2 prints) and the accessors. As an attribute
/// payload it is its integer.
macro_rules! named_flags {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident($int:ty) {
            $( $const:ident = $val:expr, $kname:literal, $short:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        $vis struct $name(pub $int);

        impl $name {
            $(
                #[doc = concat!("`", $kname, "`.")]
                pub const $const: $int = $val;
            )*
            /// Every named bit: `(bit, kernel name, the word iproute2 prints)`.
            pub const NAMES: &'static [($int, &'static str, &'static str)] = &[$(($val, $kname, $short)),*];
            /// Whether every bit of `bits` is set.
            pub fn has(self, bits: $int) -> bool {
                self.0 & bits == bits
            }
            /// The named bits set, in bit order, as `(kernel name, word)`.
            pub fn names(self) -> impl Iterator<Item = (&'static str, &'static str)> {
                Self::NAMES.iter().filter(move |(b, _, _)| self.0 & b != 0).map(|(_, k, i)| (*k, *i))
            }
            /// The bits set that have no name.
            pub fn unknown(self) -> $int {
                Self::NAMES.iter().fold(self.0, |v, (b, _, _)| v & !b)
            }
            /// Looks a bit up by its word (`"permanent"`) or kernel name.
            pub fn bit_from_name(s: &str) -> Option<$int> {
                Self::NAMES.iter().find(|(_, k, i)| *k == s || *i == s).map(|(b, _, _)| *b)
            }
        }

        int_newtype_payload!($name($int));
    };
}

/// Declares a `zerocopy` struct in byte order `O` whose fields render by
/// their kernel names (a fixed family header or a struct payload). Fields
/// are integers in order `O` (`U32<O>`), big-endian integers, bytes, or
/// arrays of them (`[u8; 16]`, `[U32<O>; 8]`).
macro_rules! zc_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident<O> {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::KnownLayout, zerocopy::Immutable,
                 zerocopy::Unaligned, Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(C)]
        $vis struct $name<O: $crate::wire::ByteOrder = $crate::wire::NativeEndian> {
            $( $(#[$fmeta])* pub $field: $fty, )*
        }

        impl<O: $crate::wire::ByteOrder> $name<O> {
            /// `sizeof` the struct.
            pub const SIZE: usize = core::mem::size_of::<Self>();
            /// The fields: `(kernel name, offset, size)`.
            pub const FIELDS: &'static [(&'static str, usize, usize)] =
                &[$((stringify!($field), core::mem::offset_of!(Self, $field), core::mem::size_of::<$fty>())),*];
        }

        impl<O: $crate::wire::ByteOrder> $crate::typed::StructFields for $name<O> {
            const FIELDS: &'static [(&'static str, usize, usize)] = Self::FIELDS;
            fn render_field<R: $crate::wire::visit::MapRenderer>(&self, i: usize, m: &mut R) -> Result<(), R::Error> {
                let mut n = 0usize;
                $(
                    if n == i {
                        return m.entry(stringify!($field), &self.$field);
                    }
                    n += 1;
                )*
                let _ = n;
                Ok(())
            }
        }

        impl<O: $crate::wire::ByteOrder> $crate::wire::visit::Render for $name<O> {
            /// An object keyed by the kernel's field names.
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                use $crate::wire::visit::MapRenderer;
                let mut m = r.map()?;
                $( m.entry(stringify!($field), &self.$field)?; )*
                m.end()
            }
        }

        serde_via_render!(impl[O: $crate::wire::ByteOrder] $name<O>);

        #[cfg(feature = "arbitrary")]
        impl<'u, O: $crate::wire::ByteOrder> arbitrary::Arbitrary<'u> for $name<O> {
            fn arbitrary(u: &mut arbitrary::Unstructured<'u>) -> arbitrary::Result<Self> {
                let b = u.bytes(core::mem::size_of::<Self>())?;
                <Self as zerocopy::FromBytes>::read_from_bytes(b).map_err(|_| arbitrary::Error::NotEnoughData)
            }
            fn size_hint(_: usize) -> (usize, Option<usize>) {
                (core::mem::size_of::<Self>(), Some(core::mem::size_of::<Self>()))
            }
        }

        impl<O: $crate::wire::ByteOrder> Default for $name<O> {
            /// All fields zero.
            fn default() -> Self {
                <Self as zerocopy::FromZeros>::new_zeroed()
            }
        }
    };
}

/// A byte-only fixed header (`rtgenmsg`, `netconfmsg`): no byte order to
/// carry, so no `O` parameter; otherwise as [`zc_struct!`].
macro_rules! byte_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : u8, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::KnownLayout, zerocopy::Immutable,
                 zerocopy::Unaligned, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[repr(C)]
        $vis struct $name {
            $( $(#[$fmeta])* pub $field: u8, )*
        }

        impl $crate::wire::visit::Render for $name {
            /// An object keyed by the kernel's field names.
            fn render<R: $crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                use $crate::wire::visit::MapRenderer;
                let mut m = r.map()?;
                $( m.entry(stringify!($field), &self.$field)?; )*
                m.end()
            }
        }

        serde_via_render!(impl[] $name);

        #[cfg(feature = "arbitrary")]
        impl<'u> arbitrary::Arbitrary<'u> for $name {
            fn arbitrary(u: &mut arbitrary::Unstructured<'u>) -> arbitrary::Result<Self> {
                Ok($name { $( $field: u.arbitrary()?, )* })
            }
        }
    };
}

/// A [`zc_struct!`] that is also an attribute payload filling the payload
/// exactly (a payload of another size is kept as invalid, verbatim; use
/// [`Grown`](crate::typed::Grown) for structs that kernels grow).
macro_rules! struct_payload {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident<O> { $($body:tt)* }
    ) => {
        zc_struct! { $(#[$meta])* $vis struct $name<O> { $($body)* } }

        impl<'a, O: $crate::wire::ByteOrder> $crate::typed::AttrPayload<'a, O> for $name<O> {
            fn decode(
                attr: &$crate::wire::Attr<'a, O>,
                _: &$crate::typed::Ctx<'a>,
            ) -> Result<Self, $crate::wire::DecodeError> {
                $crate::typed::exact_struct(attr)
            }
            fn emit<B: $crate::wire::Buffer>(
                &self,
                id: u16,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                w.attr(id, zerocopy::IntoBytes::as_bytes(self))
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<O: $crate::wire::ByteOrder> $crate::typed::gen::ArbitraryPayload<O> for $name<O> {
            fn arbitrary_attr<B: $crate::wire::Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                _: $crate::typed::gen::GenCtx,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> arbitrary::Result<()> {
                let mut v = <Self as zerocopy::FromZeros>::new_zeroed();
                u.fill_buffer(zerocopy::IntoBytes::as_mut_bytes(&mut v))?;
                $crate::typed::gen::enc(w.attr(id, zerocopy::IntoBytes::as_bytes(&v)))
            }
        }
    };
}
