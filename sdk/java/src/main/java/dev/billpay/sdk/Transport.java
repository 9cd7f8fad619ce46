package dev.billpay.sdk;

/** Sends a call and answers its decoded 2xx body, or throws a BillpayException. */
interface Transport {
  <T> T send(Call call, Class<T> answer);
}
