//! The one macro that declares an attribute set.
//!
//! Each attribute set is declared once — id, kernel name, Rust variant,
//! payload type — and that declaration drives decoding, encoding, the
//! kernel-name lookup, the visitor (JSON) output and `Debug`.

/// Declares an attribute set: an enum over its attributes plus the kernel
/// constants (`pub const RTA_DST: u16 = 1;`) and an
/// [`AttrSet`](crate::payload::AttrSet) implementation.
macro_rules! attr_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $id:literal $kname:ident => $variant:ident($ty:ty),
            )*
        }
    ) => {
        $(
            #[doc = concat!("`", stringify!($kname), "`, attribute id ", stringify!($id), " of [`", stringify!($name), "`].")]
            pub const $kname: u16 = $id;
        )*

        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
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
            pub fn kind(&self) -> u16 {
                match self {
                    $(Self::$variant(_) => $id,)*
                    Self::Unknown(a) | Self::Invalid(a, _) => a.kind(),
                }
            }
        }

        #[cfg(feature = "serde")]
        impl<'a, O: $crate::wire::ByteOrder> serde::Serialize for $name<'a, O> {
            /// A `[name, value]` pair; an unknown attribute is `[id, "hex"]`.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeTuple;
                let mut t = s.serialize_tuple(2)?;
                match self {
                    $(Self::$variant(x) => {
                        t.serialize_element(stringify!($kname))?;
                        t.serialize_element(x)?;
                    })*
                    Self::Unknown(a) | Self::Invalid(a, _) => {
                        match <Self as $crate::payload::AttrSet<'a, O>>::name_of(a.kind()) {
                            Some(n) => t.serialize_element(n)?,
                            None => t.serialize_element(&a.kind())?,
                        }
                        t.serialize_element(&$crate::wire::visit::Value::Hex(a.payload()))?;
                    }
                }
                t.end()
            }
        }

        impl<'a, O: $crate::wire::ByteOrder> $crate::payload::AttrSet<'a, O> for $name<'a, O> {
            fn name_of(id: u16) -> Option<&'static str> {
                match id {
                    $($id => Some(stringify!($kname)),)*
                    _ => None,
                }
            }

            #[inline]
            fn decode(attr: $crate::wire::Attr<'a, O>, ctx: $crate::payload::Ctx) -> Self {
                use $crate::payload::AttrPayload;
                match attr.kind() {
                    $(
                        $id => {
                            if !<$ty as AttrPayload<'a, O>>::NESTED && attr.flag_bits() != 0 {
                                let e = $crate::wire::DecodeError::new(
                                    attr.offset(),
                                    $crate::wire::DecodeErrorKind::UnexpectedFlags(attr.raw_type()),
                                );
                                return Self::Invalid(attr, e);
                            }
                            match <$ty as AttrPayload<'a, O>>::decode(&attr, ctx) {
                                Ok(v) => Self::$variant(v),
                                Err(e) => Self::Invalid(attr, e),
                            }
                        }
                    )*
                    _ => Self::Unknown(attr),
                }
            }

            fn emit<B: $crate::wire::Buffer>(
                &self,
                w: &mut $crate::wire::Writer<B, O>,
            ) -> Result<(), $crate::wire::EncodeError> {
                use $crate::payload::AttrPayload;
                match self {
                    $(Self::$variant(v) => <$ty as AttrPayload<'a, O>>::emit(v, $id, w),)*
                    Self::Unknown(a) | Self::Invalid(a, _) => w.attr(a.raw_type(), a.payload()),
                }
            }

            fn visit<V: $crate::wire::visit::Visitor + ?Sized>(&self, v: &mut V) {
                use $crate::payload::AttrPayload;
                use $crate::wire::visit::{pair, AttrName, Value};
                match self {
                    $(Self::$variant(x) => pair(v, AttrName::Known(stringify!($kname)), |v| <$ty as AttrPayload<'a, O>>::visit(x, v)),)*
                    Self::Unknown(a) | Self::Invalid(a, _) => {
                        let name = match <Self as $crate::payload::AttrSet<'a, O>>::name_of(a.kind()) {
                            Some(n) => AttrName::Known(n),
                            None => AttrName::Unknown(a.kind()),
                        };
                        pair(v, name, |v| v.value(Value::Hex(a.payload())))
                    }
                }
            }

            fn error(&self) -> Option<$crate::wire::DecodeError> {
                use $crate::payload::AttrPayload;
                match self {
                    $(Self::$variant(x) => <$ty as AttrPayload<'a, O>>::first_error(x),)*
                    Self::Unknown(_) => None,
                    Self::Invalid(_, e) => Some(*e),
                }
            }
        }
    };
}

/// Declares a newtype over an integer whose values have kernel names
/// (`RTN_UNICAST`) and short names (`unicast`, as `ip` prints them), keeping
/// any number.
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

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            /// The number, as in the kernel's header.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }

        impl From<$int> for $name {
            fn from(v: $int) -> Self {
                Self(v)
            }
        }

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

/// Declares a `zerocopy` struct in byte order `O` whose fields render by
/// their kernel names (a fixed family header or a struct payload).
macro_rules! zc_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident<O> {
            $( $(#[$fmeta:meta])* $field:ident : $fty:ident $(< $o:ident >)?, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::KnownLayout, zerocopy::Immutable,
                 zerocopy::Unaligned, Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(C)]
        $vis struct $name<O: $crate::wire::ByteOrder = $crate::wire::NativeEndian> {
            $( $(#[$fmeta])* pub $field: $fty $(<$o>)?, )*
        }

        #[cfg(feature = "serde")]
        impl<O: $crate::wire::ByteOrder> serde::Serialize for $name<O> {
            /// An object keyed by the kernel's field names.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let n = 0 $(+ { let _ = stringify!($field); 1 })*;
                let mut st = s.serialize_struct(stringify!($name), n)?;
                $( st.serialize_field(stringify!($field), &$crate::payload::FieldValue::value(&self.$field))?; )*
                st.end()
            }
        }

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

        impl<O: $crate::wire::ByteOrder> $crate::wire::visit::Visit for $name<O> {
            fn visit<V: $crate::wire::visit::Visitor + ?Sized>(&self, v: &mut V) {
                v.begin_object();
                $( v.field(stringify!($field), $crate::payload::FieldValue::value(&self.$field)); )*
                v.end_object();
            }
        }
    };
}

/// A [`zc_struct!`] that is also an attribute payload filling the payload
/// exactly (a payload of another size is kept as invalid, verbatim).
macro_rules! struct_payload {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident<O> { $($body:tt)* }
    ) => {
        zc_struct! { $(#[$meta])* $vis struct $name<O> { $($body)* } }

        impl<'a, O: $crate::wire::ByteOrder> $crate::payload::AttrPayload<'a, O> for $name<O> {
            fn decode(attr: &$crate::wire::Attr<'a, O>, _: $crate::payload::Ctx) -> Result<Self, $crate::wire::DecodeError> {
                $crate::payload::exact_struct(attr)
            }
            fn emit<B: $crate::wire::Buffer>(&self, ty: u16, w: &mut $crate::wire::Writer<B, O>) -> Result<(), $crate::wire::EncodeError> {
                w.attr(ty, zerocopy::IntoBytes::as_bytes(self))
            }
            fn visit<V: $crate::wire::visit::Visitor + ?Sized>(&self, v: &mut V) {
                <Self as $crate::wire::visit::Visit>::visit(self, v)
            }
        }
    };
}
