# Las palabras que el quiosco añade alrededor del texto de una diapositiva.

slides-paused = En pausa
slides-qr-caption = Escanee con su teléfono
slides-page-of = Página { $page } de { $pages }
slides-sources = { $count ->
    [one] Fuente: { $list }
   *[other] Fuentes: { $list }
}
slides-no-phone = la recepción
