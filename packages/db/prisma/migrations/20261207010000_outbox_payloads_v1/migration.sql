-- Outbox payloads were the sync's raw upsert rows (snake_case, with the upsert's own flags
-- inserted / changed / before_is_cancel / nothing). The notification-type registry
-- (packages/domain/src/notifications/registry) defines one camelCase shape per type, version
-- `v: 1`; this rewrites every stored event of the old shape into it, so no reader keeps a
-- fallback. Money stays exact NUMERIC text, instants stay ISO-8601 text. Rows that already
-- carry `v` are left alone, so the statement is safe to run on a database of either age.

UPDATE outbox_events SET payload = jsonb_build_object(
    'v', 1,
    'nmId', (payload->>'nm_id')::int,
    'srid', payload->'srid',
    'supplierArticle', payload->'supplier_article',
    'brand', payload->'brand',
    'subject', payload->'subject',
    'category', payload->'category',
    'techSize', payload->'tech_size',
    'barcode', payload->'barcode',
    'warehouseName', payload->'warehouse_name',
    'warehouseType', payload->'warehouse_type',
    'regionName', payload->'region_name',
    'oblastOkrugName', payload->'oblast_okrug_name',
    'countryName', payload->'country_name',
    'totalPrice', payload->>'total_price',
    'discountPercent', (payload->>'discount_percent')::int,
    'spp', payload->>'spp',
    'finishedPrice', payload->>'finished_price',
    'priceWithDisc', payload->>'price_with_disc',
    'gNumber', payload->'g_number',
    'orderDate', payload->'order_date',
    'isCancel', payload->'is_cancel',
    'cancelDate', payload->'cancel_date'
  )
WHERE type IN ('new_order', 'cancellation') AND NOT payload ? 'v';

UPDATE outbox_events SET payload = jsonb_build_object(
    'v', 1,
    'nmId', (payload->>'nm_id')::int,
    'srid', payload->'srid',
    'supplierArticle', payload->'supplier_article',
    'brand', payload->'brand',
    'subject', payload->'subject',
    'category', payload->'category',
    'techSize', payload->'tech_size',
    'barcode', payload->'barcode',
    'warehouseName', payload->'warehouse_name',
    'warehouseType', payload->'warehouse_type',
    'regionName', payload->'region_name',
    'oblastOkrugName', payload->'oblast_okrug_name',
    'countryName', payload->'country_name',
    'totalPrice', payload->>'total_price',
    'discountPercent', (payload->>'discount_percent')::int,
    'spp', payload->>'spp',
    'finishedPrice', payload->>'finished_price',
    'priceWithDisc', payload->>'price_with_disc',
    'saleId', payload->'sale_id',
    'saleDate', payload->'sale_date',
    'forPay', payload->>'for_pay',
    'paymentSaleAmount', payload->>'payment_sale_amount'
  )
WHERE type IN ('buyout', 'return') AND NOT payload ? 'v';

UPDATE outbox_events SET payload = jsonb_build_object(
    'v', 1,
    'reviewId', payload->'review_id',
    'nmId', (payload->>'nm_id')::int,
    'productName', payload->'product_name',
    'supplierArticle', payload->'supplier_article',
    'brandName', payload->'brand_name',
    'size', payload->'size',
    'rating', (payload->>'rating')::int,
    'text', COALESCE(payload->'text', '""'),
    'pros', COALESCE(payload->'pros', '""'),
    'cons', COALESCE(payload->'cons', '""'),
    'userName', payload->'user_name',
    'createdDate', payload->'created_date'
  )
WHERE type = 'negative_review' AND NOT payload ? 'v';

-- Stock alerts were camelCase already; their warehouses said name/region.
UPDATE outbox_events SET payload = jsonb_build_object(
    'v', 1,
    'nmId', (payload->>'nmId')::int,
    'sizeKey', payload->'sizeKey',
    'techSize', payload->'techSize',
    'available', (payload->>'available')::int,
    'threshold', (payload->>'threshold')::int,
    'warehouses', COALESCE(
      (SELECT jsonb_agg(jsonb_build_object(
                'warehouseName', w->'name', 'regionName', w->'region', 'quantity', (w->>'quantity')::int)
              ORDER BY ordinality)
       FROM jsonb_array_elements(payload->'warehouses') WITH ORDINALITY AS e(w, ordinality)),
      '[]'::jsonb)
  )
WHERE type = 'critical_stock' AND NOT payload ? 'v';
