from django.core.paginator import Paginator


class CurrentPagePaginator(Paginator):
    """A paginator whose elided range centres on the current page by default.

    `components/pagination.html` calls `paginator.get_elided_page_range` without arguments,
    which Django centres on page 1.
    """

    current = 1

    def get_page(self, number):
        page = super().get_page(number)
        self.current = page.number
        return page

    def get_elided_page_range(self, number=None, *, on_each_side=2, on_ends=1):
        return super().get_elided_page_range(number or self.current, on_each_side=on_each_side,
                                             on_ends=on_ends)
