# The slides: the words the kiosk adds around a slide's own text.

slides-paused = Paused
# Under a slide's QR code.
slides-qr-caption = Scan with your phone
slides-page-of = Page { $page } of { $pages }
# "Sources: Lancet, 2005; BMJ, 2005". $list is the sources joined by "; ".
slides-sources = { $count ->
    [one] Source: { $list }
   *[other] Sources: { $list }
}
# Shown for {{phone}} in a slide when kiosk.toml has no phone number.
slides-no-phone = the front desk
