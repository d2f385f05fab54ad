import { MongoClient } from 'mongodb';
(async () => {
  const client = await MongoClient.connect(process.argv[2], { maxPoolSize: 20 });
  const c = client.db('p').collection<{ _id: number }>('agg');
  for (let i = 0; i < 100000; i += 10000) await c.insertMany(Array.from({ length: 10000 }, (_, k) => ({ _id: i + k, group: (i + k) % 100, value: i + k, email: `user${i + k}@example.com`, name: `n ${i + k}` })));
  for (let r = 0; r < 3; r++) {
    const t = Date.now();
    await c.aggregate([{ $match: { value: { $gte: 0 } } }, { $group: { _id: '$group', total: { $sum: '$value' }, n: { $sum: 1 } } }]).toArray();
    console.log('agg ms', Date.now() - t);
  }
  await client.close();
})();
