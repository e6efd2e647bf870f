// Russian reference data shaped like WB's: warehouses with their ids and regions, buyer
// regions, product templates. Only the look matters; the ids are WB-like, not WB's own.
export type WarehouseInfo = {
  id: number;
  name: string;
  region: string;
  kind: 'wb' | 'seller';
  /** Autumn 2026: statistics shows some WB warehouses only as "Склад WB". */
  maskedName?: string;
};

export const WB_WAREHOUSES: readonly WarehouseInfo[] = [
  { id: 507, name: 'Коледино', region: 'Центральный', kind: 'wb' },
  { id: 117501, name: 'Подольск', region: 'Центральный', kind: 'wb' },
  { id: 120762, name: 'Электросталь', region: 'Центральный', kind: 'wb', maskedName: 'Склад WB' },
  { id: 117986, name: 'Казань', region: 'Приволжский', kind: 'wb' },
  { id: 130744, name: 'Краснодар', region: 'Южный', kind: 'wb', maskedName: 'Склад WB РФ' },
  { id: 1733, name: 'Екатеринбург - Испытателей 14г', region: 'Уральский', kind: 'wb' },
  { id: 686, name: 'Новосибирск', region: 'Сибирский', kind: 'wb' },
  { id: 2737, name: 'Санкт-Петербург Уткина Заводь', region: 'Северо-Западный', kind: 'wb' },
  { id: 208277, name: 'Невинномысск', region: 'Северо-Кавказский', kind: 'wb' },
  { id: 206348, name: 'Тула', region: 'Центральный', kind: 'wb', maskedName: 'Склад WB' },
];

export const SELLER_WAREHOUSE_NAMES: readonly string[] = [
  'Склад продавца Москва',
  'Склад продавца Казань',
  'Склад продавца Екатеринбург',
];

export type BuyerRegion = { okrug: string; region: string; city: string };

export const BUYER_REGIONS: readonly BuyerRegion[] = [
  { okrug: 'Центральный федеральный округ', region: 'Москва', city: 'Москва' },
  { okrug: 'Центральный федеральный округ', region: 'Московская', city: 'Балашиха' },
  { okrug: 'Центральный федеральный округ', region: 'Тульская', city: 'Тула' },
  { okrug: 'Северо-Западный федеральный округ', region: 'Санкт-Петербург', city: 'Санкт-Петербург' },
  { okrug: 'Приволжский федеральный округ', region: 'Республика Татарстан', city: 'Казань' },
  { okrug: 'Приволжский федеральный округ', region: 'Нижегородская', city: 'Нижний Новгород' },
  { okrug: 'Южный федеральный округ', region: 'Краснодарский', city: 'Краснодар' },
  { okrug: 'Южный федеральный округ', region: 'Ростовская', city: 'Ростов-на-Дону' },
  { okrug: 'Уральский федеральный округ', region: 'Свердловская', city: 'Екатеринбург' },
  { okrug: 'Сибирский федеральный округ', region: 'Новосибирская', city: 'Новосибирск' },
  { okrug: 'Северо-Кавказский федеральный округ', region: 'Ставропольский', city: 'Ставрополь' },
  { okrug: 'Дальневосточный федеральный округ', region: 'Приморский', city: 'Владивосток' },
];

export type ProductTemplate = {
  category: string;
  subject: string;
  subjectId: number;
  title: string;
  sizes: readonly string[];
  price: readonly [number, number];
};

export const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
  {
    category: 'Одежда',
    subject: 'Футболки',
    subjectId: 192,
    title: 'Футболка хлопковая оверсайз',
    sizes: ['42', '44', '46', '48', '50'],
    price: [700, 1900],
  },
  {
    category: 'Одежда',
    subject: 'Худи',
    subjectId: 1724,
    title: 'Худи утеплённое с капюшоном',
    sizes: ['S', 'M', 'L', 'XL'],
    price: [1900, 4500],
  },
  {
    category: 'Одежда',
    subject: 'Платья',
    subjectId: 69,
    title: 'Платье летнее миди',
    sizes: ['42', '44', '46', '48'],
    price: [1500, 3900],
  },
  {
    category: 'Обувь',
    subject: 'Кроссовки',
    subjectId: 105,
    title: 'Кроссовки беговые сетка',
    sizes: ['38', '39', '40', '41', '42', '43'],
    price: [2500, 6900],
  },
  {
    category: 'Дом',
    subject: 'Полотенца',
    subjectId: 330,
    title: 'Полотенце махровое банное',
    sizes: ['0'],
    price: [450, 1400],
  },
  {
    category: 'Дом',
    subject: 'Постельное белье',
    subjectId: 1564,
    title: 'Комплект постельного белья сатин',
    sizes: ['1,5 сп', '2 сп', 'евро'],
    price: [2200, 5600],
  },
  {
    category: 'Бытовая техника',
    subject: 'Мультистайлеры',
    subjectId: 2453,
    title: 'Мультистайлер для волос 5 в 1',
    sizes: ['0'],
    price: [2900, 8900],
  },
  {
    category: 'Красота',
    subject: 'Кремы',
    subjectId: 1435,
    title: 'Крем для лица увлажняющий',
    sizes: ['0'],
    price: [350, 1200],
  },
  {
    category: 'Аксессуары',
    subject: 'Сумки',
    subjectId: 50,
    title: 'Сумка женская через плечо',
    sizes: ['0'],
    price: [1200, 3900],
  },
  {
    category: 'Детям',
    subject: 'Игрушки мягкие',
    subjectId: 1186,
    title: 'Мягкая игрушка медведь 40 см',
    sizes: ['0'],
    price: [600, 1800],
  },
  {
    category: 'Спорт',
    subject: 'Коврики для йоги',
    subjectId: 2121,
    title: 'Коврик для йоги и фитнеса 6 мм',
    sizes: ['0'],
    price: [800, 2400],
  },
  {
    category: 'Электроника',
    subject: 'Наушники',
    subjectId: 569,
    title: 'Наушники беспроводные TWS',
    sizes: ['0'],
    price: [1100, 4900],
  },
];

export const BRANDS: readonly string[] = [
  'Северный Лён',
  'ТЕКСТИЛЬ ПРО',
  'Уют Дома',
  'Бест Трикотаж',
  'Lime Forest',
  'Ярко',
  'Мишутка',
  'ZenFit',
];

export const SELLER_NAMES: readonly string[] = [
  'ИП Кружинин В. Р.',
  'ООО "Северный Лён"',
  'ИП Смирнова А. Н.',
  'ООО "Текстиль Про"',
  'ИП Ахметов Р. Ф.',
  'ООО "Уют Дома"',
  'ИП Волкова Е. С.',
  'ООО "Ярко"',
];

export const BUYER_NAMES: readonly string[] = [
  'Николай',
  'Анна',
  'Екатерина',
  'Сергей',
  'Мария',
  'Дмитрий',
  'Ольга',
  'Алексей',
  'Татьяна',
  'Ирина',
  'Покупатель',
];

/** What buyers ask before they order. */
export const QUESTIONS: readonly string[] = [
  'Какой рост у модели на фото?',
  'Подскажите, маломерит или большемерит?',
  'Есть ли в наличии размер побольше?',
  'Из какого материала сделан товар?',
  'Когда будет поступление?',
  'Можно ли стирать в машинке?',
  'Подойдёт ли в подарок, есть ли коробка?',
];

export const REVIEWS: Readonly<Record<number, readonly { text: string; pros: string; cons: string }[]>> = {
  5: [
    { text: 'Спасибо, всё подошло', pros: 'Удобный', cons: 'Нет' },
    { text: 'Отличное качество, заказываю второй раз', pros: 'Качество, цена', cons: '' },
    { text: 'Пришло быстро, упаковано хорошо', pros: 'Доставка', cons: '' },
  ],
  4: [{ text: 'Хороший товар, но доставка долгая', pros: 'Качество', cons: 'Доставка' }],
  3: [{ text: 'Нормально за свои деньги', pros: 'Цена', cons: 'Швы неровные' }],
  2: [{ text: 'Размер не соответствует, маломерит', pros: '', cons: 'Маломерит' }],
  1: [
    { text: 'Пришёл брак, верну', pros: '', cons: 'Брак' },
    { text: 'Совсем не как на фото', pros: '', cons: 'Цвет, материал' },
  ],
};
