/** The responsive card grid: 1 column on phones, 2 on small tablets, 3 then 4 on wider screens. */
export const productGridClassName = 'grid grid-cols-1 gap-4 sm:grid-cols-2 md:grid-cols-3 lg:grid-cols-4'
