//! Which records one page holds, however a vendor names its paging: an offset and a size
//! (Confluent's token encodes an offset; Rocket.Chat's `offset`/`count`; PagerTree's
//! `offset`/`limit`), or a 1-based page number (OnCall). Each vendor writes its own envelope
//! from these numbers.

/// `size` records from `offset` in a list of `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub offset: usize,
    pub size: usize,
    pub total: usize,
}

impl Window {
    pub fn at(offset: usize, size: usize, total: usize) -> Self {
        Window {
            offset,
            size: size.max(1),
            total,
        }
    }

    /// Page `number` (1-based) of `size`; a page past the end is the last page, as OnCall's
    /// engine answers.
    pub fn page(number: usize, size: usize, total: usize) -> Self {
        let size = size.max(1);
        let pages = total.div_ceil(size).max(1);
        Window::at((number.clamp(1, pages) - 1) * size, size, total)
    }

    /// The 1-based number of this page.
    pub fn number(&self) -> usize {
        self.offset / self.size + 1
    }

    /// How many pages the list has (at least one, even when empty).
    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.size).max(1)
    }

    /// This page's records.
    pub fn take<T: Clone>(&self, items: impl Iterator<Item = T>) -> Vec<T> {
        items.skip(self.offset).take(self.size).collect()
    }

    /// Where the next page starts, if there is one.
    pub fn next(&self) -> Option<usize> {
        (self.offset + self.size < self.total).then_some(self.offset + self.size)
    }

    /// Where the previous page starts, if this is not the first.
    pub fn prev(&self) -> Option<usize> {
        (self.offset > 0).then(|| self.offset.saturating_sub(self.size))
    }

    /// Where the last page starts.
    pub fn last(&self) -> usize {
        (self.pages() - 1) * self.size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_window_knows_its_neighbours() {
        let window = Window::at(100, 100, 250);
        assert_eq!(window.take(0..250), (100..200).collect::<Vec<_>>());
        assert_eq!(
            (window.prev(), window.next(), window.last()),
            (Some(0), Some(200), 200)
        );
        let end = Window::at(200, 100, 250);
        assert_eq!(end.take(0..250).len(), 50);
        assert_eq!(end.next(), None);
        assert_eq!(Window::at(0, 100, 0).last(), 0);
    }

    #[test]
    fn page_numbers_past_the_end_answer_the_last_page() {
        let page = Window::page(9, 100, 230);
        assert_eq!((page.number(), page.pages(), page.offset), (3, 3, 200));
        assert_eq!(page.take(0..230).len(), 30);
        assert_eq!(Window::page(0, 100, 230).number(), 1);
        assert_eq!(Window::page(1, 100, 0).pages(), 1);
    }
}
