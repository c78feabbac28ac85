import { ShopProductPage } from './ProductPage.js';
import { Storefront } from './Storefront.js';

/** /shop: every product that may be sold in the chosen market. */
export function ShopPage() {
  return <Storefront mode={{ kind: 'all' }} />;
}

/** /shop/category/:code: the same search with the category fixed. */
export function ShopCategoryPage({ code }: { code: string }) {
  return <Storefront key={code} mode={{ kind: 'category', code }} />;
}

/** /shop/otop: OTOP products, three stars and up unless the buyer picks four or five. */
export function OtopPage() {
  return <Storefront mode={{ kind: 'otop' }} />;
}

export { ShopProductPage };
