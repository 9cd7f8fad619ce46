/**
 * The Federal Reserve's FedACH participant directory (E-Payments Routing Directory) as a file
 * format: the fixed-width FedACHdir.txt and the JSON download, read into the same records. Imports
 * nothing else of the gateway.
 */
package dev.billpay.banking.fedach;
