use rtnl_core::wire::{Buffer, EncodeError};

/// A growable [`Buffer`] over a `Vec<u8>` for the rtnl-core writer.
///
/// ```
/// use rtnl_core::wire::Writer;
/// use rtnl_io::VecBuffer;
///
/// let mut w = Writer::new(VecBuffer::default());
/// w.attr_u32(4, 2)?;
/// assert_eq!(w.into_inner().0.len(), 8);
/// # Ok::<(), rtnl_core::wire::EncodeError>(())
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct VecBuffer(pub Vec<u8>);

impl Buffer for VecBuffer {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn extend(&mut self, data: &[u8]) -> Result<(), EncodeError> {
        self.0.extend_from_slice(data);
        Ok(())
    }
    fn zeros(&mut self, n: usize) -> Result<(), EncodeError> {
        self.0.resize(self.0.len() + n, 0);
        Ok(())
    }
    fn written_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
    fn truncate(&mut self, len: usize) {
        self.0.truncate(len)
    }
}
