import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'
import ButtonBase from '@mui/material/ButtonBase'
import { useState } from 'react'

import type { ImageUrls } from '../../api/types'

/** The product photos: one large image and a row of thumbnails to switch it. */
export function ImageGallery({ images, title }: { images: readonly ImageUrls[]; title: string }) {
  const [selected, setSelected] = useState(0)
  const current = images[selected] ?? images[0]

  if (!current) {
    return (
      <div
        role="img"
        aria-label={`${title}: no photo yet`}
        className="flex aspect-[4/3] w-full items-center justify-center rounded-xl bg-slate-100 text-slate-400"
      >
        <ImageNotSupportedIcon fontSize="large" />
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-3">
      <img
        src={current.full_url}
        alt={images.length > 1 ? `${title}, photo ${selected + 1} of ${images.length}` : title}
        // The first photo is what the page is about: fetch it early rather than lazily.
        fetchPriority="high"
        decoding="async"
        className="aspect-[4/3] w-full rounded-xl bg-slate-100 object-contain"
      />
      {images.length > 1 && (
        <ul className="m-0 flex list-none gap-2 overflow-x-auto p-0" aria-label="Photos">
          {images.map((image, index) => (
            <li key={image.full_url}>
              <ButtonBase
                onClick={() => setSelected(index)}
                aria-label={`Show photo ${index + 1} of ${images.length}`}
                aria-pressed={index === selected}
                className={`overflow-hidden rounded-lg border-2 border-solid ${
                  index === selected ? 'border-[#0f4c81]' : 'border-transparent'
                }`}
              >
                <img
                  src={image.thumbnail_url}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  width={72}
                  height={54}
                  className="block h-[54px] w-[72px] object-cover"
                />
              </ButtonBase>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
