//! A streaming, allocation-free way to render decoded values.
//!
//! Every typed value implements [`Visit`], which describes it to a
//! [`Visitor`] as a JSON-shaped tree: scalars, objects (fixed structs, keyed
//! by the kernel's field names) and arrays (attribute sets are arrays of
//! `[name, value]` pairs). The `rtnl` tool's JSON output is a `Visitor`;
//! others can build their own (a pretty-printer, a filter) without the core
//! allocating.

/// One scalar value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    /// An unsigned integer.
    U64(u64),
    /// A signed integer.
    I64(i64),
    /// A string (a kernel string without its NUL, or a kernel constant name).
    Str(&'a str),
    /// An IPv4 address.
    Ipv4([u8; 4]),
    /// An IPv6 address.
    Ipv6([u8; 16]),
    /// A link-layer address, shown `aa:bb:cc:dd:ee:ff`.
    Mac(&'a [u8]),
    /// A flag attribute that is present.
    True,
    /// Opaque bytes, shown as lowercase hex.
    Hex(&'a [u8]),
}

/// Receives a value's description, depth first.
pub trait Visitor {
    /// A scalar.
    fn value(&mut self, v: Value<'_>);
    /// Opens an object; [`key`](Self::key) then a value, repeated.
    fn begin_object(&mut self);
    /// The key of the next member of the current object.
    fn key(&mut self, k: &str);
    /// Closes the current object.
    fn end_object(&mut self);
    /// Opens an array of values.
    fn begin_array(&mut self);
    /// Closes the current array.
    fn end_array(&mut self);

    /// A member `k: v` of the current object.
    fn field(&mut self, k: &str, v: Value<'_>) {
        self.key(k);
        self.value(v);
    }
}

/// Something that can describe itself to a [`Visitor`].
pub trait Visit {
    /// Describes `self` to `v`.
    fn visit<V: Visitor + ?Sized>(&self, v: &mut V);
}

/// The name of an attribute: its kernel constant, or its number when the
/// codec does not know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrName {
    /// A known attribute's kernel name (`RTA_DST`).
    Known(&'static str),
    /// An unknown attribute's id.
    Unknown(u16),
}

impl AttrName {
    /// Describes the name as a scalar: a string or a number.
    pub fn visit<V: Visitor + ?Sized>(&self, v: &mut V) {
        match *self {
            AttrName::Known(s) => v.value(Value::Str(s)),
            AttrName::Unknown(n) => v.value(Value::U64(n.into())),
        }
    }
}

/// Describes one `[name, value]` pair, the shape of an attribute.
pub fn pair<V: Visitor + ?Sized>(v: &mut V, name: AttrName, value: impl FnOnce(&mut V)) {
    v.begin_array();
    name.visit(v);
    value(v);
    v.end_array();
}
